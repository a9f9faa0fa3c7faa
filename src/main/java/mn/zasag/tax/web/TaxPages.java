package mn.zasag.tax.web;

import mn.zasag.registry.Divisions;
import mn.zasag.shared.Actor;
import mn.zasag.shared.InvalidRegisterNumber;
import mn.zasag.shared.Party;
import mn.zasag.shared.ProblemException;
import mn.zasag.tax.TaxAccount;
import mn.zasag.tax.TaxEntry;
import mn.zasag.tax.TaxProblem;
import mn.zasag.tax.TaxRegistry;
import mn.zasag.tax.TaxType;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The tax authority's back office (look up a taxpayer with their ledger; register a taxpayer; record an
 * assessed debt or a payment) and a citizen's own tax account with the "no tax debt" statement.
 */
@Controller
class TaxPages {

    private final TaxRegistry tax;
    private final Divisions divisions;
    private final Clock clock;

    TaxPages(TaxRegistry tax, Divisions divisions, Clock clock) {
        this.tax = tax;
        this.divisions = divisions;
        this.clock = clock;
    }

    private void account(Model model, TaxAccount account, Locale locale) {
        model.addAttribute("account", account);
        model.addAttribute("officeName", divisions.find(account.office()).map(d -> d.name(locale)).orElse(account.office()));
    }

    @PreAuthorize("hasAuthority('TAX_READ')")
    @GetMapping("/tax")
    String lookup(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String purpose, Model model) {
        model.addAttribute("form", new LookupForm(q, purpose));
        model.addAttribute("prefix", "tax");
        model.addAttribute("action", "/tax");
        model.addAttribute("newHref", "/tax/new");
        if (!q.isBlank()) {
            if (purpose.isBlank()) {
                model.addAttribute("purposeMissing", true);
            } else {
                try {
                    String id = Party.parse(q, clock).id();
                    if (!tax.exists(id)) {
                        throw TaxProblem.notFound();
                    }
                    return "redirect:" + view(id, purpose);
                } catch (ProblemException e) {
                    model.addAttribute("queryError", e.messageKey());
                } catch (InvalidRegisterNumber e) {
                    model.addAttribute("queryError", e.messageKey());
                }
            }
        }
        return "holdings/lookup";
    }

    @PreAuthorize("hasAuthority('TAX_READ')")
    @GetMapping("/tax/taxpayers/{taxpayer}")
    String taxpayer(@PathVariable String taxpayer, @RequestParam(defaultValue = "") String purpose, Model model,
                    Locale locale) {
        String id = canonical(taxpayer);
        if (purpose.isBlank()) {
            return "redirect:/tax?q=" + UriUtils.encodeQueryParam(id, StandardCharsets.UTF_8);
        }
        account(model, tax.read(id, purpose), locale);
        model.addAttribute("purpose", purpose);
        return "tax/taxpayer";
    }

    @PreAuthorize("hasAuthority('TAX_WRITE')")
    @GetMapping("/tax/new")
    String registerForm(Model model) {
        model.addAttribute("form", new TaxpayerForm("", "", "", ""));
        return "tax/register";
    }

    @PreAuthorize("hasAuthority('TAX_WRITE')")
    @PostMapping("/tax/new")
    String register(@AuthenticationPrincipal Actor me, @ModelAttribute("form") TaxpayerForm form, BindingResult errors,
                    RedirectAttributes redirect) {
        required(errors, "taxpayer", form.taxpayer());
        required(errors, "office", form.office());
        required(errors, "legalBasis", form.legalBasis());
        LocalDate on = date(form.registeredOn(), "registeredOn", errors);
        if (!errors.hasErrors()) {
            try {
                TaxAccount account = tax.registerTaxpayer(form.taxpayer(), form.office(), on, form.legalBasis(), me);
                redirect.addFlashAttribute("done", "tax.new.done");
                return "redirect:" + view(account.taxpayer().id(), form.legalBasis());
            } catch (ProblemException e) {
                errors.rejectValue(FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            } catch (InvalidRegisterNumber e) {
                errors.rejectValue("taxpayer", e.messageKey());
            }
        }
        return "tax/register";
    }

    @PreAuthorize("hasAuthority('TAX_WRITE')")
    @GetMapping("/tax/taxpayers/{taxpayer}/entries")
    String entryForm(@PathVariable String taxpayer, Model model) {
        model.addAttribute("taxpayer", existing(taxpayer));
        model.addAttribute("form", new EntryForm("ASSESSMENT", "PERSONAL_INCOME", "", "", "", ""));
        model.addAttribute("taxTypes", TaxType.values());
        return "tax/entry";
    }

    @PreAuthorize("hasAuthority('TAX_WRITE')")
    @PostMapping("/tax/taxpayers/{taxpayer}/entries")
    String entry(@AuthenticationPrincipal Actor me, @PathVariable String taxpayer, @ModelAttribute("form") EntryForm form,
                 BindingResult errors, Model model, RedirectAttributes redirect) {
        String id = existing(taxpayer);
        model.addAttribute("taxpayer", id);
        model.addAttribute("taxTypes", TaxType.values());
        required(errors, "legalBasis", form.legalBasis());
        BigDecimal amount = amount(form.amount(), errors);
        LocalDate on = date(form.occurredOn(), "occurredOn", errors);
        TaxEntry.Type type = "PAYMENT".equals(form.type()) ? TaxEntry.Type.PAYMENT : TaxEntry.Type.ASSESSMENT;
        TaxType taxType = java.util.Arrays.stream(TaxType.values()).filter(t -> t.name().equals(form.taxType()))
                .findFirst().orElse(null);
        if (!errors.hasErrors()) {
            try {
                tax.recordEntry(id, type, taxType, amount, on, form.reference(), form.legalBasis(), me);
                redirect.addFlashAttribute("done", "tax.entry.done");
                return "redirect:" + view(id, form.legalBasis());
            } catch (ProblemException e) {
                errors.rejectValue(FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            }
        }
        return "tax/entry";
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/my-data/tax")
    String mine(@AuthenticationPrincipal Actor me, Model model, Locale locale) {
        tax.own(me.login()).ifPresent(account -> account(model, account, locale));
        return "tax/mine";
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("taxpayer_exists", "taxpayer"), Map.entry("taxpayer_unknown", "taxpayer"),
            Map.entry("entity_number_invalid", "taxpayer"), Map.entry("tax_office_unknown", "office"),
            Map.entry("amount_invalid", "amount"), Map.entry("payment_exceeds_debt", "amount"),
            Map.entry("date_in_future", "occurredOn"), Map.entry("date_before_registration", "occurredOn"),
            Map.entry("entry_details_invalid", "reference"));

    private String canonical(String taxpayer) {
        try {
            return Party.parse(taxpayer, clock).id();
        } catch (ProblemException | InvalidRegisterNumber e) {
            throw TaxProblem.notFound();
        }
    }

    private String existing(String taxpayer) {
        String id = canonical(taxpayer);
        if (!tax.exists(id)) {
            throw TaxProblem.notFound();
        }
        return id;
    }

    private static String view(String id, String purpose) {
        return "/tax/taxpayers/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8)
                + "?purpose=" + UriUtils.encodeQueryParam(purpose.strip(), StandardCharsets.UTF_8);
    }

    private static void required(BindingResult errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "registry.required");
        }
    }

    static BigDecimal amount(String value, BindingResult errors) {
        if (value == null || value.isBlank()) {
            errors.rejectValue("amount", "registry.required");
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(" ", "").replace(",", ""));
        } catch (NumberFormatException e) {
            errors.rejectValue("amount", "problem.amount_invalid");
            return null;
        }
    }

    private static LocalDate date(String value, String field, BindingResult errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "registry.date.invalid");
            return null;
        }
    }

    record LookupForm(String q, String purpose) {
    }

    record TaxpayerForm(String taxpayer, String office, String registeredOn, String legalBasis) {
    }

    record EntryForm(String type, String taxType, String amount, String occurredOn, String reference, String legalBasis) {
    }
}
