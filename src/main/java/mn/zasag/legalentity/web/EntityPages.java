package mn.zasag.legalentity.web;

import mn.zasag.legalentity.EntityAlreadyRegistered;
import mn.zasag.legalentity.EntityChangeType;
import mn.zasag.legalentity.EntityNotFound;
import mn.zasag.legalentity.EntityNumber;
import mn.zasag.legalentity.EntityRefused;
import mn.zasag.legalentity.Founder;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.legalentity.LegalEntity;
import mn.zasag.legalentity.NewEntity;
import mn.zasag.legalentity.NewEntityChange;
import mn.zasag.legalentity.NonRegistrationReference;
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

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The registration authority's back office for legal entities: search, view one with its full history
 * (the purpose is asked and audited), register an entity, record a change, issue a non-registration
 * reference; and a citizen's own entities under "My data".
 */
@Controller
class EntityPages {

    private static final Set<EntityChangeType> CHANGES = Set.of(EntityChangeType.NAME_CHANGE, EntityChangeType.ADDRESS_CHANGE,
            EntityChangeType.FOUNDERS_CHANGE, EntityChangeType.DIRECTORS_CHANGE, EntityChangeType.SUSPENSION,
            EntityChangeType.REINSTATEMENT, EntityChangeType.LIQUIDATION);

    private final LegalEntities entities;
    private final Divisions divisions;

    EntityPages(LegalEntities entities, Divisions divisions) {
        this.entities = entities;
        this.divisions = divisions;
    }

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_READ')")
    @GetMapping("/entities")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String purpose, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("purpose", purpose);
        if (!q.isBlank()) {
            if (purpose.isBlank()) {
                model.addAttribute("purposeMissing", true);
            } else {
                model.addAttribute("results", entities.search(q, purpose, 50));
            }
        }
        return "legalentity/search";
    }

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_READ')")
    @GetMapping("/entities/{number}")
    String entity(@PathVariable String number, @RequestParam(defaultValue = "") String purpose, Model model, Locale locale) {
        String n = existing(number);
        model.addAttribute("number", n);
        if (purpose.isBlank()) {
            return "legalentity/purpose";
        }
        LegalEntity entity = entities.read(n, purpose);
        show(model, entity, locale);
        model.addAttribute("changes", entities.history(n));
        model.addAttribute("purpose", purpose);
        model.addAttribute("changeTypes", CHANGES.stream().filter(t -> allowed(entity, t)).sorted().toList());
        return "legalentity/entity";
    }

    // ------------------------------------------------------------ register

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_WRITE')")
    @GetMapping("/entities/new")
    String registerForm(Model model, Locale locale) {
        model.addAttribute("form", new RegisterForm("", "", "", "ХХК", "", "", "", "", "", ""));
        return registerPage(model, locale);
    }

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_WRITE')")
    @PostMapping("/entities/new")
    String register(@AuthenticationPrincipal Actor me, @ModelAttribute("form") RegisterForm form, BindingResult errors,
                    Model model, Locale locale, RedirectAttributes redirect) {
        if (!EntityNumber.isValid(form.registrationNumber())) {
            errors.rejectValue("registrationNumber", "problem.entity_number_invalid");
        }
        required(form.nameMn(), "nameMn", errors);
        LocalDate on = date(form.registeredOn(), "registeredOn", errors);
        List<Founder> founders = Shares.parse(form.founders());
        if (founders == null) {
            errors.rejectValue("founders", "legalentity.founders.format");
        }
        required(form.legalBasis(), "legalBasis", errors);
        if (!errors.hasErrors()) {
            try {
                entities.register(new NewEntity(form.registrationNumber(), form.nameMn(), form.nameEn(), form.legalForm(),
                        form.addressDivision(), form.addressLine(), on, founders, lines(form.directors()), form.legalBasis()), me);
                return done(form.registrationNumber().strip(), form.legalBasis(), "legalentity.register.done", redirect);
            } catch (EntityRefused | EntityAlreadyRegistered | LegalBasisRequired e) {
                errors.rejectValue(FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            }
        }
        return registerPage(model, locale);
    }

    private String registerPage(Model model, Locale locale) {
        model.addAttribute("groups", DivisionChoices.groups(divisions, locale));
        model.addAttribute("legalForms", entities.legalForms());
        return "legalentity/register";
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("entity_number_invalid", "registrationNumber"), Map.entry("entity_exists", "registrationNumber"),
            Map.entry("entity_name_invalid", "nameMn"), Map.entry("entity_name_taken", "nameMn"),
            Map.entry("legal_form_unknown", "legalForm"), Map.entry("division_unknown", "addressDivision"),
            Map.entry("registration_in_future", "registeredOn"), Map.entry("founders_missing", "founders"),
            Map.entry("founder_not_found", "founders"), Map.entry("founder_invalid", "founders"),
            Map.entry("founder_duplicate", "founders"), Map.entry("founder_self", "founders"),
            Map.entry("shares_not_one", "founders"), Map.entry("share_invalid", "founders"),
            Map.entry("director_not_found", "directors"), Map.entry("director_invalid", "directors"),
            Map.entry("directors_missing", "directors"), Map.entry("change_details_missing", "addressLine"));

    // ------------------------------------------------------------ changes

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_WRITE')")
    @GetMapping("/entities/{number}/changes/{type}")
    String changeForm(@PathVariable String number, @PathVariable String type, Model model, Locale locale) {
        String n = existing(number);
        EntityChangeType t = changeType(type);
        LegalEntity entity = entities.find(n).orElseThrow(EntityNotFound::new);
        model.addAttribute("form", new ChangeForm("", "", entity.nameMn(), entity.nameEn(), entity.addressDivision(),
                entity.addressLine(), Shares.format(entity.founders()),
                String.join("\n", entity.directors().stream().map(d -> d.person()).toList())));
        return changePage(model, n, t, locale);
    }

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_WRITE')")
    @PostMapping("/entities/{number}/changes/{type}")
    String change(@AuthenticationPrincipal Actor me, @PathVariable String number, @PathVariable String type,
                  @ModelAttribute("form") ChangeForm form, BindingResult errors, Model model, Locale locale,
                  RedirectAttributes redirect) {
        String n = existing(number);
        EntityChangeType t = changeType(type);
        LocalDate on = date(form.occurredOn(), "occurredOn", errors);
        List<Founder> founders = t == EntityChangeType.FOUNDERS_CHANGE ? Shares.parse(form.founders()) : null;
        if (t == EntityChangeType.FOUNDERS_CHANGE && founders == null) {
            errors.rejectValue("founders", "legalentity.founders.format");
        }
        required(form.legalBasis(), "legalBasis", errors);
        if (!errors.hasErrors()) {
            try {
                entities.change(n, new NewEntityChange(t, on, form.legalBasis(), form.nameMn(), form.nameEn(),
                        form.addressDivision(), form.addressLine(), founders,
                        t == EntityChangeType.DIRECTORS_CHANGE ? lines(form.directors()) : null), me);
                return done(n, form.legalBasis(), "legalentity.change.done", redirect);
            } catch (EntityRefused | EntityAlreadyRegistered | LegalBasisRequired e) {
                errors.rejectValue(CHANGE_FIELDS.getOrDefault(e.code(), FIELDS.getOrDefault(e.code(), "occurredOn")), e.messageKey());
            }
        }
        return changePage(model, n, t, locale);
    }

    private static final Map<String, String> CHANGE_FIELDS = Map.of("legal_basis_required", "legalBasis",
            "legal_basis_invalid", "legalBasis", "division_unknown", "addressDivision", "entity_name_taken", "nameMn",
            "entity_name_invalid", "nameMn");

    private String changePage(Model model, String number, EntityChangeType type, Locale locale) {
        model.addAttribute("number", number);
        model.addAttribute("type", type);
        model.addAttribute("groups", DivisionChoices.groups(divisions, locale));
        return "legalentity/change";
    }

    // ------------------------------------------------------------ non-registration references

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_READ')")
    @GetMapping("/entities/references")
    String referenceForm(Model model) {
        model.addAttribute("form", new ReferenceForm("", ""));
        return "legalentity/reference";
    }

    @PreAuthorize("hasAuthority('ENTITY_REGISTRY_READ')")
    @PostMapping("/entities/references")
    String issueReference(@AuthenticationPrincipal Actor me, @ModelAttribute("form") ReferenceForm form,
                          BindingResult errors, Model model) {
        boolean person = form.registerNumber() != null && !form.registerNumber().isBlank();
        boolean name = form.entityName() != null && !form.entityName().isBlank();
        if (person == name) {
            errors.rejectValue("registerNumber", "legalentity.reference.oneOf");
            return "legalentity/reference";
        }
        try {
            model.addAttribute("reference", person ? entities.referenceForPerson(form.registerNumber(), me)
                    : entities.referenceForName(form.entityName(), me));
        } catch (EntityRefused e) {
            errors.rejectValue(person ? "registerNumber" : "entityName", e.messageKey());
        }
        return "legalentity/reference";
    }

    // ------------------------------------------------------------ my data

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/my-data/entities")
    String mine(@AuthenticationPrincipal Actor me, Model model, Locale locale) {
        model.addAttribute("entities", entities.ofPerson(me.login()));
        model.addAttribute("me", me.login());
        model.addAttribute("places", DivisionChoices.labels(divisions, locale));
        return "legalentity/my-entities";
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @PostMapping("/my-data/entities/reference")
    String myReference(@AuthenticationPrincipal Actor me, Model model, Locale locale) {
        NonRegistrationReference reference = entities.referenceForPerson(me.login(), me);
        model.addAttribute("reference", reference);
        return mine(me, model, locale);
    }

    // ------------------------------------------------------------ helpers

    private void show(Model model, LegalEntity entity, Locale locale) {
        model.addAttribute("entity", entity);
        model.addAttribute("places", DivisionChoices.labels(divisions, locale));
        model.addAttribute("formName", entities.legalForms().stream().filter(f -> f.code().equals(entity.legalForm()))
                .findFirst().map(f -> f.name(locale)).orElse(entity.legalForm()));
    }

    private static boolean allowed(LegalEntity entity, EntityChangeType type) {
        return switch (type) {
            case SUSPENSION -> entity.status() == mn.zasag.legalentity.EntityStatus.ACTIVE;
            case REINSTATEMENT -> entity.status() == mn.zasag.legalentity.EntityStatus.SUSPENDED;
            default -> entity.status() != mn.zasag.legalentity.EntityStatus.LIQUIDATED;
        };
    }

    private String existing(String number) {
        if (!entities.exists(number)) {
            throw new EntityNotFound();
        }
        return number.strip();
    }

    private static EntityChangeType changeType(String type) {
        return CHANGES.stream().filter(t -> t.name().equalsIgnoreCase(type)).findFirst().orElseThrow(EntityNotFound::new);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\s,;]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String done(String number, String legalBasis, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", message);
        return "redirect:/entities/" + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8)
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

    record RegisterForm(String registrationNumber, String nameMn, String nameEn, String legalForm, String addressDivision,
                        String addressLine, String registeredOn, String founders, String directors, String legalBasis) {
    }

    record ChangeForm(String occurredOn, String legalBasis, String nameMn, String nameEn, String addressDivision,
                      String addressLine, String founders, String directors) {
    }

    record ReferenceForm(String registerNumber, String entityName) {
    }
}
