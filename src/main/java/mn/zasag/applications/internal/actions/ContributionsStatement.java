package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.legalentity.LegalEntity;
import mn.zasag.shared.Actor;
import mn.zasag.socialinsurance.Contribution;
import mn.zasag.socialinsurance.InsuranceProblem;
import mn.zasag.socialinsurance.InsuranceRecord;
import mn.zasag.socialinsurance.SocialInsurance;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GASI-SI-006, decided at once: the contributions paid for the applicant as the social insurance register holds
 * them — insured months, total paid, the first and last month and the employers who paid.
 */
@Component
class ContributionsStatement implements ApprovalAction {

    private final SocialInsurance insurance;
    private final LegalEntities entities;

    ContributionsStatement(SocialInsurance insurance, LegalEntities entities) {
        this.insurance = insurance;
        this.entities = entities;
    }

    @Override
    public String name() {
        return "socialinsurance.contributions-statement";
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.registerNumber", application.applicant());
        InsuranceRecord record;
        try {
            record = insurance.read(application.applicant(), Answers.basis(application));
        } catch (InsuranceProblem none) {
            out.put("fact.insuredMonths", "0");
            out.put("fact.totalPaid", "0");
            return out;
        }
        out.put("fact.insuredMonths", Integer.toString(record.insuredMonths()));
        out.put("fact.totalPaid", record.totalPaid().toPlainString());
        out.put("fact.firstMonth", record.contributions().get(record.contributions().size() - 1).month().toString());
        out.put("fact.lastMonth", record.contributions().get(0).month().toString());
        out.put("fact.lastWage", record.contributions().get(0).wage().toPlainString());
        out.put("fact.employers", record.contributions().stream().map(Contribution::employer).distinct()
                .map(e -> entities.find(e).map(LegalEntity::nameMn).orElse("") + " (" + e + ")")
                .collect(Collectors.joining("; ")));
        return out;
    }
}
