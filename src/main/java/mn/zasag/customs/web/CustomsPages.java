package mn.zasag.customs.web;

import mn.zasag.customs.CustomsDebts;
import mn.zasag.customs.CustomsProblem;
import mn.zasag.shared.Actor;
import mn.zasag.shared.InvalidRegisterNumber;
import mn.zasag.shared.Party;
import mn.zasag.shared.ProblemException;
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
import java.util.Map;

/**
 * The customs administration's back office (look up a debtor; assess a debt; record a payment) and a
 * citizen's own customs debts under "My data".
 */
@Controller
class CustomsPages {

    private final CustomsDebts customs;
    private final Clock clock;

    CustomsPages(CustomsDebts customs, Clock clock) {
        this.customs = customs;
        this.clock = clock;
    }

    @PreAuthorize("hasAuthority('CUSTOMS_READ')")
    @GetMapping("/customs")
    String lookup(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String purpose, Model model) {
        model.addAttribute("form", new LookupForm(q, purpose));
        model.addAttribute("prefix", "customs");
        model.addAttribute("action", "/customs");
        model.addAttribute("newHref", "/customs/debts/new");
        if (!q.isBlank()) {
            if (purpose.isBlank()) {
                model.addAttribute("purposeMissing", true);
            } else {
                try {
                    return "redirect:" + view(Party.parse(q, clock).id(), purpose);
                } catch (ProblemException e) {
                    model.addAttribute("queryError", e.messageKey());
                } catch (InvalidRegisterNumber e) {
                    model.addAttribute("queryError", e.messageKey());
                }
            }
        }
        return "holdings/lookup";
    }

    @PreAuthorize("hasAuthority('CUSTOMS_READ')")
    @GetMapping("/customs/debtors/{debtor}")
    String debtor(@PathVariable String debtor, @RequestParam(defaultValue = "") String purpose, Model model) {
        String id = canonical(debtor);
        if (purpose.isBlank()) {
            return "redirect:/customs?q=" + UriUtils.encodeQueryParam(id, StandardCharsets.UTF_8);
        }
        model.addAttribute("record", customs.read(id, purpose));
        model.addAttribute("purpose", purpose);
        return "customs/debtor";
    }

    @PreAuthorize("hasAuthority('CUSTOMS_WRITE')")
    @GetMapping("/customs/debts/new")
    String debtForm(@RequestParam(defaultValue = "") String debtor, Model model) {
        model.addAttribute("form", new DebtForm(debtor, "", "", "", ""));
        return "customs/debt";
    }

    @PreAuthorize("hasAuthority('CUSTOMS_WRITE')")
    @PostMapping("/customs/debts/new")
    String assess(@AuthenticationPrincipal Actor me, @ModelAttribute("form") DebtForm form, BindingResult errors,
                  RedirectAttributes redirect) {
        for (var field : Map.of("debtor", form.debtor(), "declaration", form.declaration(), "legalBasis", form.legalBasis()).entrySet()) {
            if (field.getValue() == null || field.getValue().isBlank()) {
                errors.rejectValue(field.getKey(), "registry.required");
            }
        }
        BigDecimal amount = number(form.amount(), errors);
        LocalDate on = date(form.occurredOn(), errors);
        if (!errors.hasErrors()) {
            try {
                var debt = customs.assess(form.debtor(), form.declaration(), amount, on, form.legalBasis(), me);
                redirect.addFlashAttribute("done", "customs.debt.done");
                return "redirect:" + view(debt.debtor().id(), form.legalBasis());
            } catch (ProblemException e) {
                errors.rejectValue(FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            } catch (InvalidRegisterNumber e) {
                errors.rejectValue("debtor", e.messageKey());
            }
        }
        return "customs/debt";
    }

    @PreAuthorize("hasAuthority('CUSTOMS_WRITE')")
    @GetMapping("/customs/debts/{id}/payments")
    String paymentForm(@PathVariable long id, Model model) {
        model.addAttribute("debtor", customs.debtorOf(id));
        model.addAttribute("debtId", id);
        model.addAttribute("form", new PaymentForm("", "", ""));
        return "customs/payment";
    }

    @PreAuthorize("hasAuthority('CUSTOMS_WRITE')")
    @PostMapping("/customs/debts/{id}/payments")
    String pay(@AuthenticationPrincipal Actor me, @PathVariable long id, @ModelAttribute("form") PaymentForm form,
               BindingResult errors, Model model, RedirectAttributes redirect) {
        Party debtor = customs.debtorOf(id);
        model.addAttribute("debtor", debtor);
        model.addAttribute("debtId", id);
        if (form.legalBasis() == null || form.legalBasis().isBlank()) {
            errors.rejectValue("legalBasis", "registry.required");
        }
        BigDecimal amount = number(form.amount(), errors);
        LocalDate on = date(form.occurredOn(), errors);
        if (!errors.hasErrors()) {
            try {
                customs.pay(id, amount, on, form.legalBasis(), me);
                redirect.addFlashAttribute("done", "customs.payment.done");
                return "redirect:" + view(debtor.id(), form.legalBasis());
            } catch (ProblemException e) {
                errors.rejectValue(FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            }
        }
        return "customs/payment";
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/my-data/customs")
    String mine(@AuthenticationPrincipal Actor me, Model model) {
        model.addAttribute("record", customs.own(me.login()));
        return "customs/mine";
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("debtor_unknown", "debtor"), Map.entry("entity_number_invalid", "debtor"),
            Map.entry("declaration_invalid", "declaration"), Map.entry("declaration_exists", "declaration"),
            Map.entry("amount_invalid", "amount"), Map.entry("payment_exceeds_debt", "amount"),
            Map.entry("date_in_future", "occurredOn"), Map.entry("date_before_assessment", "occurredOn"));

    private String canonical(String debtor) {
        try {
            return Party.parse(debtor, clock).id();
        } catch (ProblemException | InvalidRegisterNumber e) {
            throw CustomsProblem.notFound();
        }
    }

    private static String view(String id, String purpose) {
        return "/customs/debtors/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8)
                + "?purpose=" + UriUtils.encodeQueryParam(purpose.strip(), StandardCharsets.UTF_8);
    }

    private static BigDecimal number(String value, BindingResult errors) {
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

    private static LocalDate date(String value, BindingResult errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue("occurredOn", "registry.date.invalid");
            return null;
        }
    }

    record LookupForm(String q, String purpose) {
    }

    record DebtForm(String debtor, String declaration, String amount, String occurredOn, String legalBasis) {
    }

    record PaymentForm(String amount, String occurredOn, String legalBasis) {
    }
}
