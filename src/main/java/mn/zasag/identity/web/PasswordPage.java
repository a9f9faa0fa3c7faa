package mn.zasag.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.WeakPassword;
import mn.zasag.identity.WrongPassword;
import mn.zasag.identity.internal.AccountPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Changing one's own password, confirmed by the current one. */
@Controller
class PasswordPage {

    private final Accounts accounts;

    PasswordPage(Accounts accounts) {
        this.accounts = accounts;
    }

    @PreAuthorize("hasAuthority('ACCOUNT_SELF')")
    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("form", new PasswordForm("", "", ""));
        return "identity/password";
    }

    @PreAuthorize("hasAuthority('ACCOUNT_SELF')")
    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") PasswordForm form,
                  BindingResult errors, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("newPassword") && !form.newPassword().equals(form.newPasswordConfirmation())) {
            errors.rejectValue("newPasswordConfirmation", "registration.password.mismatch");
        }
        if (!errors.hasErrors()) {
            try {
                accounts.changePassword(me.accountId(), form.currentPassword(), form.newPassword());
                redirect.addFlashAttribute("passwordChanged", true);
                return "redirect:/account";
            } catch (WrongPassword e) {
                errors.rejectValue("currentPassword", "password.current.wrong");
            } catch (WeakPassword e) {
                errors.rejectValue("newPassword", "registration.password.weak");
            }
        }
        return "identity/password";
    }

    record PasswordForm(
            @NotBlank(message = "{password.current.required}")
            @Size(max = 128, message = "{password.current.wrong}")
            String currentPassword,
            @NotBlank(message = "{registration.password.required}")
            @Size(min = 10, max = 128, message = "{registration.password.length}")
            String newPassword,
            String newPasswordConfirmation) {
    }
}
