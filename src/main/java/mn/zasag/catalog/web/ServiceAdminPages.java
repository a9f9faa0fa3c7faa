package mn.zasag.catalog.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import mn.zasag.catalog.internal.Catalogue;
import mn.zasag.catalog.internal.CatalogueProblem;
import mn.zasag.catalog.internal.SearchQuery;
import mn.zasag.catalog.internal.ServiceDetail;
import mn.zasag.catalog.internal.ServiceEdit;
import mn.zasag.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** Platform admins edit any service of the catalogue; an agency's admins edit their agency's services. */
@Controller
class ServiceAdminPages {

    private static final String TEXT = "^[^\\p{Cntrl}\\uFFFD<>]*$";
    /** Multi-line texts may hold line breaks but no other control characters. */
    private static final String LONG_TEXT = "^[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFD<>]*$";

    private final Catalogue catalogue;

    ServiceAdminPages(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PreAuthorize("hasAuthority('CATALOG_MANAGE')")
    @GetMapping("/admin/services")
    String list(@AuthenticationPrincipal Actor me, Model model) {
        String agency = me.agencyCode();
        model.addAttribute("services", catalogue.list(agency));
        model.addAttribute("agency", agency);
        return "catalog/admin-list";
    }

    @PreAuthorize("hasAuthority('CATALOG_MANAGE')")
    @GetMapping("/admin/services/{code}")
    String edit(@AuthenticationPrincipal Actor me, @PathVariable String code, Model model) {
        ServiceDetail service = catalogue.editable(code, me);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ServiceForm.of(service));
        }
        return page(service, model);
    }

    @PreAuthorize("hasAuthority('CATALOG_MANAGE')")
    @PostMapping("/admin/services/{code}")
    String save(@AuthenticationPrincipal Actor me, @PathVariable String code, @Valid @ModelAttribute("form") ServiceForm form,
                BindingResult errors, Model model, RedirectAttributes redirect) {
        ServiceDetail service = catalogue.editableForSave(code, me);
        if (!errors.hasFieldErrors("daysToDecide") && form.days() != null && form.days() > 365) {
            errors.rejectValue("daysToDecide", "catalog.edit.days.invalid");
        }
        if (!errors.hasErrors()) {
            try {
                catalogue.update(code, form.toEdit(), me);
                redirect.addFlashAttribute("saved", code);
                return "redirect:/admin/services/" + code;
            } catch (CatalogueProblem e) {
                if (!"catalog_edit_invalid".equals(e.code())) {
                    throw e;
                }
                errors.rejectValue((String) e.args()[0], "catalog.edit.choice.invalid");
            }
        }
        return page(service, model);
    }

    private String page(ServiceDetail service, Model model) {
        model.addAttribute("service", service);
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("lifeEvents", catalogue.lifeEvents());
        model.addAttribute("documents", catalogue.documentKinds().values());
        model.addAttribute("channelChoices", List.of("online", "kiosk", "office"));
        return "catalog/admin-edit";
    }

    record ServiceForm(
            @NotBlank(message = "{catalog.edit.nameMn.required}") @Size(min = 2, max = 300, message = "{catalog.edit.name.length}")
            @Pattern(regexp = TEXT, message = "{catalog.edit.text.invalid}") String nameMn,
            @NotBlank(message = "{catalog.edit.nameEn.required}") @Size(min = 2, max = 300, message = "{catalog.edit.name.length}")
            @Pattern(regexp = TEXT, message = "{catalog.edit.text.invalid}") String nameEn,
            @NotBlank(message = "{catalog.edit.descriptionMn.required}") @Size(max = 2000, message = "{catalog.edit.description.length}")
            @Pattern(regexp = LONG_TEXT, message = "{catalog.edit.text.invalid}") String descriptionMn,
            @NotBlank(message = "{catalog.edit.descriptionEn.required}") @Size(max = 2000, message = "{catalog.edit.description.length}")
            @Pattern(regexp = LONG_TEXT, message = "{catalog.edit.text.invalid}") String descriptionEn,
            @Size(max = 1000, message = "{catalog.edit.eligibility.length}") @Pattern(regexp = LONG_TEXT, message = "{catalog.edit.text.invalid}")
            String eligibilityMn,
            @Size(max = 1000, message = "{catalog.edit.eligibility.length}") @Pattern(regexp = LONG_TEXT, message = "{catalog.edit.text.invalid}")
            String eligibilityEn,
            @NotBlank(message = "{catalog.edit.category.required}") String category,
            String lifeEvent,
            @NotEmpty(message = "{catalog.edit.channels.required}") List<String> channels,
            @Pattern(regexp = "^\\s*([0-9]{1,10})?\\s*$", message = "{catalog.edit.fee.invalid}") String feeMnt,
            @Pattern(regexp = "^\\s*([0-9]{1,3})?\\s*$", message = "{catalog.edit.days.invalid}") String daysToDecide,
            List<String> documentsRequired,
            List<String> documentsProduced) {

        static ServiceForm of(ServiceDetail s) {
            return new ServiceForm(s.nameMn(), s.nameEn(), s.descriptionMn(), s.descriptionEn(), s.eligibilityMn(), s.eligibilityEn(),
                    s.category(), s.lifeEvent() == null ? "" : s.lifeEvent(), s.channels(),
                    s.feeMnt() == null ? "" : String.valueOf(s.feeMnt()), s.daysToDecide() == null ? "" : String.valueOf(s.daysToDecide()),
                    s.documentsRequired(), s.documentsProduced());
        }

        Integer days() {
            return daysToDecide == null || daysToDecide.isBlank() ? null : Integer.valueOf(daysToDecide.strip());
        }

        ServiceEdit toEdit() {
            return new ServiceEdit(nameMn.strip(), nameEn.strip(), descriptionMn.strip(), descriptionEn.strip(),
                    eligibilityMn == null ? "" : eligibilityMn.strip(), eligibilityEn == null ? "" : eligibilityEn.strip(),
                    category, lifeEvent == null || lifeEvent.isBlank() ? null : lifeEvent, channels,
                    feeMnt == null || feeMnt.isBlank() ? null : Long.valueOf(feeMnt.strip()), days(),
                    documentsRequired == null ? List.of() : documentsRequired,
                    documentsProduced == null ? List.of() : documentsProduced);
        }
    }
}
