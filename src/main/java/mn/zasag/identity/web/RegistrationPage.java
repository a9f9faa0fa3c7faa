package mn.zasag.identity.web;

import jakarta.validation.Valid;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.LoginTaken;
import mn.zasag.identity.NewCitizen;
import mn.zasag.identity.WeakPassword;
import mn.zasag.shared.InvalidRegisterNumber;
import mn.zasag.shared.MobileNumber;
import mn.zasag.shared.RegisterNumber;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.Clock;
import java.util.Optional;

/** Citizens register themselves with their register number, name, mobile number and a password. */
@Controller
class RegistrationPage {

    private final Accounts accounts;
    private final Clock clock;

    RegistrationPage(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        return "identity/register";
    }

    @PreAuthorize("permitAll()")
    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors) {
        RegisterNumber registerNumber = null;
        if (!errors.hasFieldErrors("registerNumber")) {
            try {
                registerNumber = RegisterNumber.parse(form.registerNumber(), clock);
            } catch (InvalidRegisterNumber e) {
                errors.rejectValue("registerNumber", e.messageKey());
            }
        }
        Optional<String> mobile = MobileNumber.normalize(form.mobile());
        if (!errors.hasFieldErrors("mobile") && mobile.isEmpty()) {
            errors.rejectValue("mobile", "registration.mobile.invalid");
        }
        if (!errors.hasFieldErrors("password") && !form.password().equals(form.passwordConfirmation())) {
            errors.rejectValue("passwordConfirmation", "registration.password.mismatch");
        }
        if (errors.hasErrors()) {
            return "identity/register";
        }
        String email = form.email() == null || form.email().isBlank() ? null : form.email().strip();
        try {
            accounts.registerCitizen(new NewCitizen(registerNumber, form.familyName().strip(), form.givenName().strip(),
                    mobile.get(), email, form.password()));
        } catch (LoginTaken e) {
            errors.rejectValue("registerNumber", "registration.duplicate");
            return "identity/register";
        } catch (WeakPassword e) {
            errors.rejectValue("password", "registration.password.weak");
            return "identity/register";
        }
        return "redirect:/login?registered";
    }
}
