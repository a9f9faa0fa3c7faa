package mn.zasag.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.LoginTaken;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Permission;
import mn.zasag.identity.Role;
import mn.zasag.identity.UnknownAgency;
import mn.zasag.identity.WeakPassword;
import mn.zasag.identity.internal.AccountPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * Staff accounts. A platform admin manages staff of every agency and any staff role; an agency admin
 * manages only officers of their own agency.
 */
@Controller
class StaffPages {

    private static final String EITHER = "hasAnyAuthority('STAFF_MANAGE_ALL', 'OFFICERS_MANAGE_OWN_AGENCY')";

    private final Accounts accounts;
    private final Agencies agencies;

    StaffPages(Accounts accounts, Agencies agencies) {
        this.accounts = accounts;
        this.agencies = agencies;
    }

    @PreAuthorize(EITHER)
    @GetMapping("/admin/staff")
    String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new StaffForm("", Role.OFFICER, me.agencyCode(), "", "", "", ""));
        }
        return page(me, model);
    }

    @PreAuthorize(EITHER)
    @PostMapping("/admin/staff")
    String create(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") StaffForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        Role role = form.role();
        String agency = allAgencies(me) ? blankToNull(form.agencyCode()) : me.agencyCode();
        if (!allAgencies(me) && role != Role.OFFICER) {
            errors.rejectValue("role", "staff.role.notAllowed");
        }
        if (role == Role.CITIZEN) {
            errors.rejectValue("role", "staff.role.notAllowed");
        }
        if (errors.hasErrors()) {
            return page(me, model);
        }
        try {
            accounts.createStaff(new NewStaff(form.login().strip(), role, role != null && role.needsAgency() ? agency : null,
                    form.familyName().strip(), form.givenName().strip(), blankToNull(form.email()), form.password()));
        } catch (LoginTaken e) {
            errors.rejectValue("login", "staff.login.taken");
        } catch (UnknownAgency e) {
            errors.rejectValue("agencyCode", "staff.agency.unknown");
        } catch (WeakPassword e) {
            errors.rejectValue("password", "registration.password.weak");
        }
        if (errors.hasErrors()) {
            return page(me, model);
        }
        redirect.addFlashAttribute("created", form.login().strip());
        return "redirect:/admin/staff";
    }

    @PreAuthorize(EITHER)
    @PostMapping("/admin/staff/{id}/enabled")
    String setEnabled(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
                      @RequestParam boolean enabled, RedirectAttributes redirect) {
        if (id == me.accountId()) {
            // locking oneself out is never what an admin means
            redirect.addFlashAttribute("refused", "staff.self");
            return "redirect:/admin/staff";
        }
        accounts.setEnabled(id, enabled, allAgencies(me) ? null : me.agencyCode());
        return "redirect:/admin/staff";
    }

    private String page(AccountPrincipal me, Model model) {
        model.addAttribute("staff", accounts.staff(allAgencies(me) ? null : me.agencyCode()));
        model.addAttribute("agencies", allAgencies(me) ? agencies.all() : agencies.find(me.agencyCode()).stream().toList());
        model.addAttribute("roles", allAgencies(me) ? List.of(Role.OFFICER, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN) : List.of(Role.OFFICER));
        return "identity/staff";
    }

    private static boolean allAgencies(AccountPrincipal me) {
        return me.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Permission.STAFF_MANAGE_ALL.name()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    record StaffForm(
            @NotBlank(message = "{staff.login.required}")
            @Pattern(regexp = "^[a-z][a-z0-9._-]{2,31}$", message = "{staff.login.invalid}")
            String login,
            @NotNull(message = "{staff.role.required}")
            Role role,
            String agencyCode,
            @NotBlank(message = "{registration.familyName.required}")
            @Size(max = 100, message = "{registration.name.tooLong}")
            @Pattern(regexp = RegistrationForm.NAME, message = "{registration.name.invalid}")
            String familyName,
            @NotBlank(message = "{registration.givenName.required}")
            @Size(max = 100, message = "{registration.name.tooLong}")
            @Pattern(regexp = RegistrationForm.NAME, message = "{registration.name.invalid}")
            String givenName,
            @Size(max = 254, message = "{registration.email.invalid}")
            @Email(message = "{registration.email.invalid}")
            String email,
            @NotBlank(message = "{registration.password.required}")
            @Size(min = 10, max = 128, message = "{registration.password.length}")
            String password) {
    }
}
