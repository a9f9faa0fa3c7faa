package mn.zasag.property.web;

import mn.zasag.property.EncumbranceType;
import mn.zasag.property.NewEncumbrance;
import mn.zasag.property.NewProperty;
import mn.zasag.property.Owner;
import mn.zasag.property.Property;
import mn.zasag.property.PropertyAlreadyRegistered;
import mn.zasag.property.PropertyNotFound;
import mn.zasag.property.PropertyRefused;
import mn.zasag.property.PropertyRegistry;
import mn.zasag.registry.DivisionChoices;
import mn.zasag.registry.Divisions;
import mn.zasag.registry.LegalBasisRequired;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registration authority's back office for property: search by certificate or owner, view a property
 * with owners, encumbrances and full history (the purpose is asked and audited), register a property, a
 * transfer, a mortgage or lien and its release; and a citizen's own property under "My data".
 */
@Controller
class PropertyPages {

    private final PropertyRegistry registry;
    private final Divisions divisions;

    PropertyPages(PropertyRegistry registry, Divisions divisions) {
        this.registry = registry;
        this.divisions = divisions;
    }

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_READ')")
    @GetMapping("/property")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String purpose, Model model,
                  Locale locale) {
        model.addAttribute("q", q);
        model.addAttribute("purpose", purpose);
        if (!q.isBlank()) {
            if (purpose.isBlank()) {
                model.addAttribute("purposeMissing", true);
            } else {
                model.addAttribute("results", registry.search(q, purpose, 50));
                model.addAttribute("places", DivisionChoices.labels(divisions, locale));
                model.addAttribute("uses", uses(locale));
            }
        }
        return "property/search";
    }

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_READ')")
    @GetMapping("/property/{number}")
    String property(@PathVariable String number, @RequestParam(defaultValue = "") String purpose, Model model, Locale locale) {
        String n = existing(number);
        model.addAttribute("number", n);
        if (purpose.isBlank()) {
            return "property/purpose";
        }
        Property property = registry.read(n, purpose);
        model.addAttribute("property", property);
        model.addAttribute("changes", registry.history(n));
        model.addAttribute("purpose", purpose);
        model.addAttribute("places", DivisionChoices.labels(divisions, locale));
        model.addAttribute("uses", uses(locale));
        model.addAttribute("release", new ReleaseForm("", "", purpose));
        return "property/property";
    }

    // ------------------------------------------------------------ register

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_WRITE')")
    @GetMapping("/property/new")
    String registerForm(Model model, Locale locale) {
        model.addAttribute("form", new RegisterForm("", "", "", "", "RESIDENTIAL", "", "", ""));
        return registerPage(model, locale);
    }

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_WRITE')")
    @PostMapping("/property/new")
    String register(@AuthenticationPrincipal Actor me, @ModelAttribute("form") RegisterForm form, BindingResult errors,
                    Model model, Locale locale, RedirectAttributes redirect) {
        if (!registry.isValidCertificate(form.certificateNumber())) {
            errors.rejectValue("certificateNumber", "problem.certificate_number_invalid");
        }
        BigDecimal area = number(form.area(), "area", errors);
        LocalDate on = date(form.registeredOn(), "registeredOn", errors);
        List<Owner> owners = OwnerLines.parse(form.owners());
        if (owners == null) {
            errors.rejectValue("owners", "property.owners.format");
        }
        required(form.legalBasis(), "legalBasis", errors);
        if (!errors.hasErrors()) {
            try {
                Property p = registry.register(new NewProperty(form.certificateNumber(), form.addressDivision(),
                        form.addressLine(), area, form.use(), on, owners, form.legalBasis()), me);
                return done(p.certificateNumber(), form.legalBasis(), "property.register.done", redirect);
            } catch (PropertyRefused | PropertyAlreadyRegistered | LegalBasisRequired e) {
                errors.rejectValue(FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            }
        }
        return registerPage(model, locale);
    }

    private String registerPage(Model model, Locale locale) {
        model.addAttribute("groups", DivisionChoices.groups(divisions, locale));
        model.addAttribute("purposes", registry.purposes());
        return "property/register";
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("certificate_number_invalid", "certificateNumber"), Map.entry("certificate_exists", "certificateNumber"),
            Map.entry("area_invalid", "area"), Map.entry("purpose_unknown", "use"),
            Map.entry("division_unknown", "addressDivision"), Map.entry("registration_in_future", "registeredOn"),
            Map.entry("owners_missing", "owners"), Map.entry("owner_invalid", "owners"),
            Map.entry("owner_not_found", "owners"), Map.entry("owner_duplicate", "owners"),
            Map.entry("owner_shares_not_one", "owners"), Map.entry("owner_share_invalid", "owners"),
            Map.entry("change_details_missing", "addressLine"), Map.entry("change_in_future", "occurredOn"),
            Map.entry("change_before_registration", "occurredOn"), Map.entry("property_encumbered", "owners"),
            Map.entry("encumbrance_invalid", "holderName"), Map.entry("encumbrance_holder_not_found", "holderEntity"));

    // ------------------------------------------------------------ transfer

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_WRITE')")
    @GetMapping("/property/{number}/transfer")
    String transferForm(@PathVariable String number, Model model) {
        model.addAttribute("number", existing(number));
        model.addAttribute("form", new TransferForm("", "", ""));
        return "property/transfer";
    }

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_WRITE')")
    @PostMapping("/property/{number}/transfer")
    String transfer(@AuthenticationPrincipal Actor me, @PathVariable String number, @ModelAttribute("form") TransferForm form,
                    BindingResult errors, Model model, RedirectAttributes redirect) {
        String n = existing(number);
        model.addAttribute("number", n);
        LocalDate on = date(form.occurredOn(), "occurredOn", errors);
        List<Owner> owners = OwnerLines.parse(form.owners());
        if (owners == null) {
            errors.rejectValue("owners", "property.owners.format");
        }
        required(form.legalBasis(), "legalBasis", errors);
        if (!errors.hasErrors()) {
            try {
                registry.transfer(n, owners, on, form.legalBasis(), me);
                return done(n, form.legalBasis(), "property.transfer.done", redirect);
            } catch (PropertyRefused | LegalBasisRequired e) {
                errors.rejectValue(FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            }
        }
        return "property/transfer";
    }

    // ------------------------------------------------------------ encumbrances

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_WRITE')")
    @GetMapping("/property/{number}/encumbrances")
    String encumbranceForm(@PathVariable String number, Model model) {
        model.addAttribute("number", existing(number));
        model.addAttribute("form", new EncumbranceForm("MORTGAGE", "", "", "", "", ""));
        return "property/encumbrance";
    }

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_WRITE')")
    @PostMapping("/property/{number}/encumbrances")
    String encumber(@AuthenticationPrincipal Actor me, @PathVariable String number, @ModelAttribute("form") EncumbranceForm form,
                    BindingResult errors, Model model, RedirectAttributes redirect) {
        String n = existing(number);
        model.addAttribute("number", n);
        EncumbranceType type = "LIEN".equals(form.encumbranceType()) ? EncumbranceType.LIEN : EncumbranceType.MORTGAGE;
        required(form.holderName(), "holderName", errors);
        BigDecimal amount = number(form.amount(), "amount", errors);
        LocalDate on = date(form.occurredOn(), "occurredOn", errors);
        required(form.legalBasis(), "legalBasis", errors);
        if (!errors.hasErrors()) {
            try {
                registry.encumber(n, new NewEncumbrance(type, form.holderName(), form.holderEntity(), amount, on,
                        form.legalBasis()), me);
                return done(n, form.legalBasis(), "property.encumbrance.done", redirect);
            } catch (PropertyRefused | LegalBasisRequired e) {
                errors.rejectValue(FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            }
        }
        return "property/encumbrance";
    }

    @PreAuthorize("hasAuthority('PROPERTY_REGISTRY_WRITE')")
    @PostMapping("/property/{number}/encumbrances/{id}/release")
    String release(@AuthenticationPrincipal Actor me, @PathVariable String number, @PathVariable long id,
                   @ModelAttribute("release") ReleaseForm form, RedirectAttributes redirect) {
        String n = existing(number);
        String refused = null;
        LocalDate on = null;
        try {
            on = LocalDate.parse(form.occurredOn() == null ? "" : form.occurredOn().strip());
        } catch (DateTimeParseException e) {
            refused = "registry.date.invalid";
        }
        if (refused == null) {
            try {
                registry.release(n, id, on, form.legalBasis(), me);
                return done(n, form.legalBasis(), "property.release.done", redirect);
            } catch (PropertyRefused | LegalBasisRequired e) {
                refused = e.messageKey();
            }
        }
        // back to the record the officer was reading, under the purpose they gave for it
        redirect.addFlashAttribute("refused", refused);
        String purpose = form.purpose() == null || form.purpose().isBlank() ? "" : form.purpose().strip();
        return "redirect:/property/" + UriUtils.encodePathSegment(n, StandardCharsets.UTF_8)
                + "?purpose=" + UriUtils.encodeQueryParam(purpose, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------ my data

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/my-data/property")
    String mine(@AuthenticationPrincipal Actor me, Model model, Locale locale) {
        model.addAttribute("properties", registry.ofPerson(me.login()));
        model.addAttribute("places", DivisionChoices.labels(divisions, locale));
        model.addAttribute("uses", uses(locale));
        return "property/my-property";
    }

    // ------------------------------------------------------------ helpers

    private Map<String, String> uses(Locale locale) {
        Map<String, String> uses = new java.util.HashMap<>();
        registry.purposes().forEach(p -> uses.put(p.code(), p.name(locale)));
        return uses;
    }

    private String existing(String number) {
        return registry.find(number).map(Property::certificateNumber).orElseThrow(PropertyNotFound::new);
    }

    private static String done(String number, String legalBasis, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", message);
        return "redirect:/property/" + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8)
                + "?purpose=" + UriUtils.encodeQueryParam(legalBasis.strip(), StandardCharsets.UTF_8);
    }

    private static void required(String value, String field, BindingResult errors) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "registry.required");
        }
    }

    private static BigDecimal number(String value, String field, BindingResult errors) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "registry.required");
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "property.number.invalid");
            return null;
        }
    }

    private static LocalDate date(String value, String field, BindingResult errors) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "registry.required");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "registry.date.invalid");
            return null;
        }
    }

    record RegisterForm(String certificateNumber, String addressDivision, String addressLine, String area, String use,
                        String registeredOn, String owners, String legalBasis) {
    }

    record TransferForm(String owners, String occurredOn, String legalBasis) {
    }

    record EncumbranceForm(String encumbranceType, String holderName, String holderEntity, String amount,
                           String occurredOn, String legalBasis) {
    }

    record ReleaseForm(String occurredOn, String legalBasis, String purpose) {
    }
}
