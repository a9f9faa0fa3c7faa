package mn.zasag.catalog.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import mn.zasag.catalog.Agencies;
import mn.zasag.catalog.Agency;
import mn.zasag.catalog.AgencyExists;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Platform admins register the agencies of the state. */
@Controller
class AgencyPages {

    private final Agencies agencies;

    AgencyPages(Agencies agencies) {
        this.agencies = agencies;
    }

    @PreAuthorize("hasAuthority('AGENCIES_MANAGE')")
    @GetMapping("/admin/agencies")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AgencyForm("", "", ""));
        }
        model.addAttribute("agencies", agencies.all());
        return "catalog/agencies";
    }

    @PreAuthorize("hasAuthority('AGENCIES_MANAGE')")
    @PostMapping("/admin/agencies")
    String create(@Valid @ModelAttribute("form") AgencyForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                agencies.register(new Agency(form.code().strip(), form.nameMn().strip(), form.nameEn().strip()));
                redirect.addFlashAttribute("created", form.code().strip());
                return "redirect:/admin/agencies";
            } catch (AgencyExists e) {
                errors.rejectValue("code", "agency.code.taken");
            }
        }
        model.addAttribute("agencies", agencies.all());
        return "catalog/agencies";
    }

    record AgencyForm(
            @NotBlank(message = "{agency.code.required}")
            @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,15}$", message = "{agency.code.invalid}")
            String code,
            @NotBlank(message = "{agency.nameMn.required}")
            @Size(min = 2, max = 200, message = "{agency.name.length}")
            @Pattern(regexp = "^[^\\p{Cntrl}\\uFFFD<>]*$", message = "{agency.name.invalid}")
            String nameMn,
            @NotBlank(message = "{agency.nameEn.required}")
            @Size(min = 2, max = 200, message = "{agency.name.length}")
            @Pattern(regexp = "^[^\\p{Cntrl}\\uFFFD<>]*$", message = "{agency.name.invalid}")
            String nameEn) {
    }
}
