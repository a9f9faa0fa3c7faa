package mn.zasag.applications.internal.actions;

import mn.zasag.applications.Submitted;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import mn.zasag.welfare.WelfareBenefit;
import mn.zasag.welfare.WelfareBenefits;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GASWS-SW-006: a one-time refund of the price of a prosthesis or orthopaedic device made in Mongolia, bought in the
 * last year (receipt attached); the officer sets the refund, which may not exceed what was paid.
 */
@Component
class ProsthesisRefund extends WelfareGrant {

    ProsthesisRefund(WelfareBenefits welfare, CivilRegistry persons, Clock clock, Labels labels) {
        super(welfare, persons, clock, labels);
    }

    @Override
    public String name() {
        return "welfare.prosthesis-refund";
    }

    @Override
    WelfareBenefit.Kind kind() {
        return WelfareBenefit.Kind.PROSTHESIS_REFUND;
    }

    @Override
    boolean monthly() {
        return false;
    }

    @Override
    void check(Submitted application, Person applicant, List<String> found) {
        LocalDate bought = Answers.date(application, "purchaseDate");
        if (bought == null || bought.isBefore(today().minusYears(1))) {
            found.add("obstacle.purchase_too_old");
        }
    }

    @Override
    public Map<String, String> apply(Submitted application, mn.zasag.shared.Actor officer) {
        BigDecimal paid = Answers.amount(application, "amountPaid");
        if (Answers.amount(application, "decision.amount").compareTo(paid) > 0) {
            throw new ActionRefused("refund_exceeds_price", paid.toPlainString());
        }
        Map<String, String> out = super.apply(application, officer);
        out.put("fact.amountPaid", paid.toPlainString());
        return out;
    }
}
