package mn.zasag.registry.web;

import mn.zasag.registry.CivilEventRefused;
import mn.zasag.registry.CivilEventType;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Divisions;
import mn.zasag.registry.LegalBasisRequired;
import mn.zasag.registry.NewCivilEvent;
import mn.zasag.registry.NewPerson;
import mn.zasag.registry.Person;
import mn.zasag.registry.PersonHistory;
import mn.zasag.registry.PersonAlreadyRegistered;
import mn.zasag.registry.PersonNotFound;
import mn.zasag.shared.Actor;
import mn.zasag.shared.InvalidRegisterNumber;
import mn.zasag.shared.RegisterNumber;
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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The registration authority's back office: search persons, view one with their full history, register
 * a birth, a marriage or an address change. Reading a person needs a stated purpose, which is audited.
 */
@Controller
class RegistryPages {

    private final CivilRegistry registry;
    private final Divisions divisions;
    private final Clock clock;

    RegistryPages(CivilRegistry registry, Divisions divisions, Clock clock) {
        this.registry = registry;
        this.divisions = divisions;
        this.clock = clock;
    }

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_READ')")
    @GetMapping("/registry")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String purpose,
                  Model model) {
        SearchForm form = new SearchForm(q, purpose);
        model.addAttribute("form", form);
        if (!q.isBlank()) {
            if (purpose.isBlank()) {
                model.addAttribute("purposeMissing", true);
            } else {
                model.addAttribute("results", registry.search(q, purpose, 50));
            }
        }
        return "registry/search";
    }

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_READ')")
    @GetMapping("/registry/persons/{registerNumber}")
    String person(@PathVariable String registerNumber, @RequestParam(defaultValue = "") String purpose,
                  Model model, Locale locale) {
        String rn = canonical(registerNumber);
        model.addAttribute("registerNumber", rn);
        if (purpose.isBlank()) {
            model.addAttribute("form", new SearchForm(rn, ""));
            return "registry/purpose";
        }
        PersonHistory read = registry.readWithHistory(rn, purpose);
        RegistryModels.person(model, read.person(), read.events(), divisions, locale);
        model.addAttribute("purpose", purpose);
        return "registry/person";
    }

    // ------------------------------------------------------------ birth

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_WRITE')")
    @GetMapping("/registry/births")
    String birthForm(Model model) {
        model.addAttribute("form", new BirthForm("", "", "", "", "", "", "", "", "MNG", "", ""));
        return birthPage(model);
    }

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_WRITE')")
    @PostMapping("/registry/births")
    String registerBirth(@AuthenticationPrincipal Actor me, @ModelAttribute("form") BirthForm form,
                         BindingResult errors, Model model, RedirectAttributes redirect) {
        RegisterNumber rn = null;
        try {
            rn = RegisterNumber.parse(form.registerNumber(), clock);
        } catch (InvalidRegisterNumber e) {
            errors.rejectValue("registerNumber", e.messageKey());
        }
        LocalDate birth = date(form.birthDate(), "birthDate", errors);
        required(form.familyName(), "familyName", errors);
        required(form.givenName(), "givenName", errors);
        required(form.legalBasis(), "legalBasis", errors);
        if (!errors.hasErrors()) {
            try {
                registry.register(new NewPerson(rn, form.civilId(), form.clanName(), form.familyName(), form.givenName(),
                        null, birth, form.birthPlace(), form.citizenship(), form.addressDivision(), form.addressLine(),
                        null, form.legalBasis()), me);
                return done(rn.value(), form.legalBasis(), "registry.birth.done", redirect);
            } catch (CivilEventRefused | PersonAlreadyRegistered | LegalBasisRequired e) {
                errors.rejectValue(BIRTH_FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            }
        }
        return birthPage(model);
    }

    private String birthPage(Model model) {
        model.addAttribute("groups", RegistryModels.groups(divisions));
        return "registry/birth";
    }

    private static final Map<String, String> BIRTH_FIELDS = Map.ofEntries(
            Map.entry("person_exists", "registerNumber"), Map.entry("sex_mismatch", "registerNumber"),
            Map.entry("birth_date_mismatch", "birthDate"), Map.entry("event_in_future", "birthDate"),
            Map.entry("civil_id_taken", "civilId"), Map.entry("civil_id_invalid", "civilId"),
            Map.entry("division_unknown", "addressDivision"), Map.entry("name_invalid", "givenName"),
            Map.entry("citizenship_invalid", "citizenship"));

    // ------------------------------------------------------------ marriage

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_WRITE')")
    @GetMapping("/registry/persons/{registerNumber}/marriage")
    String marriageForm(@PathVariable String registerNumber, Model model) {
        model.addAttribute("registerNumber", existing(registerNumber));
        model.addAttribute("form", new MarriageForm("", "", ""));
        return "registry/marriage";
    }

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_WRITE')")
    @PostMapping("/registry/persons/{registerNumber}/marriage")
    String registerMarriage(@AuthenticationPrincipal Actor me, @PathVariable String registerNumber,
                            @ModelAttribute("form") MarriageForm form, BindingResult errors, Model model,
                            RedirectAttributes redirect) {
        String rn = existing(registerNumber);
        model.addAttribute("registerNumber", rn);
        try {
            RegisterNumber.parse(form.spouse(), clock);
        } catch (InvalidRegisterNumber e) {
            errors.rejectValue("spouse", e.messageKey());
        }
        LocalDate on = date(form.occurredOn(), "occurredOn", errors);
        required(form.legalBasis(), "legalBasis", errors);
        if (!errors.hasErrors()) {
            try {
                registry.record(rn, NewCivilEvent.marriage(on, form.legalBasis(), form.spouse()), me);
                return done(rn, form.legalBasis(), "registry.marriage.done", redirect);
            } catch (CivilEventRefused | LegalBasisRequired e) {
                errors.rejectValue(EVENT_FIELDS.getOrDefault(e.code(), "spouse"), e.messageKey());
            }
        }
        return "registry/marriage";
    }

    // ------------------------------------------------------------ address

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_WRITE')")
    @GetMapping("/registry/persons/{registerNumber}/address")
    String addressForm(@PathVariable String registerNumber, Model model) {
        model.addAttribute("registerNumber", existing(registerNumber));
        model.addAttribute("form", new AddressForm("", "", "", ""));
        model.addAttribute("groups", RegistryModels.groups(divisions));
        return "registry/address";
    }

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_WRITE')")
    @PostMapping("/registry/persons/{registerNumber}/address")
    String changeAddress(@AuthenticationPrincipal Actor me, @PathVariable String registerNumber,
                         @ModelAttribute("form") AddressForm form, BindingResult errors, Model model,
                         RedirectAttributes redirect) {
        String rn = existing(registerNumber);
        model.addAttribute("registerNumber", rn);
        model.addAttribute("groups", RegistryModels.groups(divisions));
        required(form.divisionCode(), "divisionCode", errors);
        LocalDate on = date(form.occurredOn(), "occurredOn", errors);
        required(form.legalBasis(), "legalBasis", errors);
        if (!errors.hasErrors()) {
            try {
                registry.record(rn, NewCivilEvent.addressChange(on, form.legalBasis(), form.divisionCode(), form.addressLine()), me);
                return done(rn, form.legalBasis(), "registry.address.done", redirect);
            } catch (CivilEventRefused | LegalBasisRequired e) {
                errors.rejectValue(EVENT_FIELDS.getOrDefault(e.code(), "occurredOn"), e.messageKey());
            }
        }
        return "registry/address";
    }

    private static final Map<String, String> EVENT_FIELDS = Map.of(
            "event_in_future", "occurredOn", "event_before_birth", "occurredOn", "legal_basis_required", "legalBasis",
            "legal_basis_invalid", "legalBasis", "division_unknown", "divisionCode", "event_details_missing", "occurredOn");

    // ------------------------------------------------------------ divorce, ID card, name change, death

    /** The events that have a form of their own here besides birth, marriage and address. */
    private static final java.util.Set<CivilEventType> OTHER_EVENTS = java.util.EnumSet.of(
            CivilEventType.DIVORCE, CivilEventType.ID_CARD_ISSUE, CivilEventType.NAME_CHANGE, CivilEventType.DEATH);

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_WRITE')")
    @GetMapping("/registry/persons/{registerNumber}/events/{type}")
    String eventForm(@PathVariable String registerNumber, @PathVariable String type, Model model) {
        model.addAttribute("registerNumber", existing(registerNumber));
        model.addAttribute("type", otherEvent(type));
        model.addAttribute("form", new EventForm("", "", "", "", "", ""));
        return "registry/event";
    }

    @PreAuthorize("hasAuthority('CIVIL_REGISTRY_WRITE')")
    @PostMapping("/registry/persons/{registerNumber}/events/{type}")
    String registerEvent(@AuthenticationPrincipal Actor me, @PathVariable String registerNumber, @PathVariable String type,
                         @ModelAttribute("form") EventForm form, BindingResult errors, Model model,
                         RedirectAttributes redirect) {
        String rn = existing(registerNumber);
        CivilEventType eventType = otherEvent(type);
        model.addAttribute("registerNumber", rn);
        model.addAttribute("type", eventType);
        if (eventType == CivilEventType.ID_CARD_ISSUE) {
            required(form.civilId(), "civilId", errors);
        }
        if (eventType == CivilEventType.NAME_CHANGE && isBlank(form.familyName()) && isBlank(form.givenName())
                && isBlank(form.clanName())) {
            errors.rejectValue("givenName", "registry.required");
        }
        LocalDate on = date(form.occurredOn(), "occurredOn", errors);
        required(form.legalBasis(), "legalBasis", errors);
        if (!errors.hasErrors()) {
            try {
                registry.record(rn, new NewCivilEvent(eventType, on, form.legalBasis(), null, null, null, form.civilId(),
                        isBlank(form.clanName()) ? null : form.clanName(), form.familyName(), form.givenName()), me);
                return done(rn, form.legalBasis(), "registry.event.done", redirect);
            } catch (CivilEventRefused | PersonAlreadyRegistered | LegalBasisRequired e) {
                errors.rejectValue(OTHER_EVENT_FIELDS.getOrDefault(e.code(), "occurredOn"), e.messageKey());
            }
        }
        return "registry/event";
    }

    private static CivilEventType otherEvent(String type) {
        return OTHER_EVENTS.stream().filter(t -> t.name().equalsIgnoreCase(type)).findFirst()
                .orElseThrow(PersonNotFound::new);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static final Map<String, String> OTHER_EVENT_FIELDS = Map.of(
            "civil_id_taken", "civilId", "civil_id_invalid", "civilId", "name_invalid", "givenName",
            "legal_basis_required", "legalBasis", "legal_basis_invalid", "legalBasis");

    // ------------------------------------------------------------ helpers

    private String existing(String registerNumber) {
        String rn = canonical(registerNumber);
        if (!registry.exists(rn)) {
            throw new PersonNotFound();
        }
        return rn;
    }

    private String canonical(String registerNumber) {
        try {
            return RegisterNumber.parse(registerNumber, clock).value();
        } catch (InvalidRegisterNumber e) {
            throw new PersonNotFound();
        }
    }

    private static String done(String rn, String legalBasis, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", message);
        return "redirect:/registry/persons/" + UriUtils.encodePathSegment(rn, StandardCharsets.UTF_8)
                + "?purpose=" + UriUtils.encodeQueryParam(legalBasis.strip(), StandardCharsets.UTF_8);
    }

    private static void required(String value, String field, BindingResult errors) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "registry.required");
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

    record SearchForm(String q, String purpose) {
    }

    record BirthForm(String registerNumber, String civilId, String clanName, String familyName, String givenName,
                     String birthDate, String birthPlace, String addressDivision, String citizenship,
                     String addressLine, String legalBasis) {
    }

    record MarriageForm(String spouse, String occurredOn, String legalBasis) {
    }

    record AddressForm(String divisionCode, String addressLine, String occurredOn, String legalBasis) {
    }

    record EventForm(String civilId, String clanName, String familyName, String givenName, String occurredOn,
                     String legalBasis) {
    }

}
