package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.shared.Actor;
import mn.zasag.socialinsurance.InsuranceCoverage;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GASI-SI-001, an officer's decision: the applicant becomes voluntarily insured from the month asked for, on the
 * income they declared (not below the minimum wage); the contract number is their social insurance book number.
 */
@Component
class EnrolVoluntary implements ApprovalAction {

    private final InsuranceCoverage coverage;
    private final Labels labels;

    EnrolVoluntary(InsuranceCoverage coverage, Labels labels) {
        this.labels = labels;
        this.coverage = coverage;
    }

    @Override
    public String name() {
        return "socialinsurance.enrol-voluntary";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        List<String> found = new ArrayList<>();
        if (coverage.voluntaryContract(application.applicant()).isPresent()) {
            found.add("obstacle.voluntary_contract_exists");
        }
        return found;
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        LocalDate start = Answers.date(application, "startDate");
        InsuranceCoverage.VoluntaryContract c = coverage.enrolVoluntary(application.applicant(),
                Answers.required(application, "category"), Answers.amount(application, "monthlyIncome"),
                start == null ? null : YearMonth.from(start), Answers.basis(application), officer);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.contractNumber", c.contractNumber());
        out.put("fact.insuranceCategory", labels.of(c.category()));
        out.put("fact.incomeBase", c.incomeBase().toPlainString());
        out.put("fact.insuredFrom", c.fromMonth().toString());
        return out;
    }
}
