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

/** GASI-SI-002, an officer's decision: the applicant is registered for health insurance and gets a health insurance book. */
@Component
class RegisterHealth implements ApprovalAction {

    private final InsuranceCoverage coverage;
    private final Labels labels;

    RegisterHealth(InsuranceCoverage coverage, Labels labels) {
        this.labels = labels;
        this.coverage = coverage;
    }

    @Override
    public String name() {
        return "socialinsurance.register-health";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        List<String> found = new ArrayList<>();
        if (coverage.healthInsurance(application.applicant()).isPresent()) {
            found.add("obstacle.health_insurance_exists");
        }
        return found;
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        InsuranceCoverage.HealthInsurance h = coverage.registerHealth(application.applicant(),
                Answers.required(application, "category"), Answers.date(application, "startDate"),
                Answers.basis(application), officer);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.healthBookNumber", h.bookNumber());
        out.put("fact.insuranceCategory", labels.of(h.category()));
        out.put("fact.insuredFrom", h.fromDate().toString());
        return out;
    }
}
