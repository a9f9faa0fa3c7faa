package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.shared.Actor;
import mn.zasag.socialinsurance.InsuranceCoverage;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GASI-SI-004, an officer's decision: the pregnancy and birth benefit for the period and amount the officer works
 * out ({@code decision.amount}, {@code decision.fromDate}, {@code decision.untilDate}); fewer than twelve insured
 * months stand in the way.
 */
@Component
class GrantMaternity implements ApprovalAction {

    private final InsuranceCoverage coverage;

    GrantMaternity(InsuranceCoverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public String name() {
        return "socialinsurance.grant-maternity";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        List<String> found = new ArrayList<>();
        if (coverage.insuredMonths(application.applicant()) < InsuranceCoverage.MATERNITY_MONTHS) {
            found.add("obstacle.insured_months_too_few");
        }
        return found;
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        InsuranceCoverage.Benefit b = coverage.grantMaternity(application.applicant(), Answers.amount(application, "decision.amount"),
                Answers.date(application, "decision.fromDate"), Answers.date(application, "decision.untilDate"),
                Answers.basis(application), officer);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.insuredMonths", Integer.toString(coverage.insuredMonths(application.applicant())));
        out.put("fact.benefitAmount", b.amount().toPlainString());
        out.put("fact.benefitFrom", b.fromDate().toString());
        out.put("fact.benefitUntil", b.untilDate().toString());
        return out;
    }
}
