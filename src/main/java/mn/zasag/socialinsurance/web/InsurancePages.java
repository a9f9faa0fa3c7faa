package mn.zasag.socialinsurance.web;

import mn.zasag.shared.Actor;
import mn.zasag.shared.InvalidRegisterNumber;
import mn.zasag.shared.ProblemException;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.socialinsurance.InsuranceProblem;
import mn.zasag.socialinsurance.SocialInsurance;
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
import java.time.YearMonth;
import java.util.Map;

/**
 * The social insurance authority's back office (look up a person's contributions; record a contribution)
 * and a citizen's own contributions under "My data".
 */
@Controller
class InsurancePages {

    private final SocialInsurance insurance;
    private final Clock clock;

    InsurancePages(SocialInsurance insurance, Clock clock) {
        this.insurance = insurance;
        this.clock = clock;
    }

    @PreAuthorize("hasAuthority('SOCIAL_INSURANCE_READ')")
    @GetMapping("/social-insurance")
    String lookup(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String purpose, Model model) {
        model.addAttribute("form", new LookupForm(q, purpose));
        model.addAttribute("prefix", "insurance");
        model.addAttribute("action", "/social-insurance");
        if (!q.isBlank()) {
            if (purpose.isBlank()) {
                model.addAttribute("purposeMissing", true);
            } else {
                try {
                    return "redirect:" + view(RegisterNumber.parse(q, clock).value(), purpose);
                } catch (InvalidRegisterNumber e) {
                    model.addAttribute("queryError", e.messageKey());
                }
            }
        }
        return "holdings/lookup";
    }

    /** Shows the contributions (if any) and the form to record one; a person with none yet is found too. */
    @PreAuthorize("hasAuthority('SOCIAL_INSURANCE_READ')")
    @GetMapping("/social-insurance/persons/{registerNumber}")
    String person(@PathVariable String registerNumber, @RequestParam(defaultValue = "") String purpose, Model model) {
        String rn = canonical(registerNumber);
        if (purpose.isBlank()) {
            return "redirect:/social-insurance?q=" + UriUtils.encodeQueryParam(rn, StandardCharsets.UTF_8);
        }
        model.addAttribute("registerNumber", rn);
        model.addAttribute("purpose", purpose);
        try {
            model.addAttribute("insured", insurance.read(rn, purpose));
        } catch (InsuranceProblem e) {
            if (!"insured_not_found".equals(e.code())) {
                throw e;
            }
        }
        return "socialinsurance/person";
    }

    @PreAuthorize("hasAuthority('SOCIAL_INSURANCE_WRITE')")
    @GetMapping("/social-insurance/persons/{registerNumber}/contributions")
    String contributionForm(@PathVariable String registerNumber, Model model) {
        model.addAttribute("registerNumber", canonical(registerNumber));
        model.addAttribute("form", new ContributionForm("", "", "", "", ""));
        return "socialinsurance/contribution";
    }

    @PreAuthorize("hasAuthority('SOCIAL_INSURANCE_WRITE')")
    @PostMapping("/social-insurance/persons/{registerNumber}/contributions")
    String contribute(@AuthenticationPrincipal Actor me, @PathVariable String registerNumber,
                      @ModelAttribute("form") ContributionForm form, BindingResult errors, Model model,
                      RedirectAttributes redirect) {
        String rn = canonical(registerNumber);
        model.addAttribute("registerNumber", rn);
        for (var field : Map.of("employer", form.employer(), "month", form.month(), "legalBasis", form.legalBasis()).entrySet()) {
            if (field.getValue() == null || field.getValue().isBlank()) {
                errors.rejectValue(field.getKey(), "registry.required");
            }
        }
        BigDecimal wage = number(form.wage(), "wage", errors);
        BigDecimal amount = number(form.amount(), "amount", errors);
        YearMonth month = InsuranceApi.month(form.month());
        if (!errors.hasFieldErrors("month") && month == null) {
            errors.rejectValue("month", "problem.month_invalid");
        }
        if (!errors.hasErrors()) {
            try {
                insurance.contribute(rn, form.employer(), month, wage, amount, form.legalBasis(), me);
                redirect.addFlashAttribute("done", "insurance.contribution.done");
                return "redirect:" + view(rn, form.legalBasis());
            } catch (ProblemException e) {
                errors.rejectValue(FIELDS.getOrDefault(e.code(), "legalBasis"), e.messageKey());
            }
        }
        return "socialinsurance/contribution";
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/my-data/social-insurance")
    String mine(@AuthenticationPrincipal Actor me, Model model) {
        insurance.own(me.login()).ifPresent(found -> model.addAttribute("insured", found));
        return "socialinsurance/mine";
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("employer_invalid", "employer"), Map.entry("employer_unknown", "employer"), Map.entry("month_invalid", "month"),
            Map.entry("month_in_future", "month"), Map.entry("month_before_birth", "month"),
            Map.entry("amount_invalid", "amount"), Map.entry("amount_exceeds_wage", "amount"),
            Map.entry("contribution_exists", "month"), Map.entry("insured_unknown", "month"));

    private String canonical(String registerNumber) {
        try {
            return RegisterNumber.parse(registerNumber, clock).value();
        } catch (InvalidRegisterNumber e) {
            throw InsuranceProblem.notFound();
        }
    }

    private static String view(String rn, String purpose) {
        return "/social-insurance/persons/" + UriUtils.encodePathSegment(rn, StandardCharsets.UTF_8)
                + "?purpose=" + UriUtils.encodeQueryParam(purpose.strip(), StandardCharsets.UTF_8);
    }

    private static BigDecimal number(String value, String field, BindingResult errors) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "registry.required");
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(" ", "").replace(",", ""));
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "problem.amount_invalid");
            return null;
        }
    }

    record LookupForm(String q, String purpose) {
    }

    record ContributionForm(String employer, String month, String wage, String amount, String legalBasis) {
    }
}
