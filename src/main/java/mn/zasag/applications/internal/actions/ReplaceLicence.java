package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.licences.DrivingLicences;
import mn.zasag.licences.Licence;
import mn.zasag.shared.Actor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POLICE-DL-002, an officer's decision: a new card for a lost, stolen or damaged one, with a new number and the
 * same validity; the old number is invalidated so the lost card cannot be used.
 */
@Component
class ReplaceLicence implements ApprovalAction {

    private final DrivingLicences licences;
    private final LicenceFacts facts;

    ReplaceLicence(DrivingLicences licences, LicenceFacts facts) {
        this.licences = licences;
        this.facts = facts;
    }

    @Override
    public String name() {
        return "licences.replace";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        return facts.obstacles(application.applicant(), false);
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        String previous = licences.current(application.applicant()).map(Licence::number).orElse("—");
        Licence card = licences.replace(application.applicant(), Answers.required(application, "reason"),
                Answers.basis(application), officer);
        Map<String, String> out = new LinkedHashMap<>();
        LicenceFacts.describe(card, out);
        out.put("fact.invalidatedLicence", previous);
        return out;
    }
}
