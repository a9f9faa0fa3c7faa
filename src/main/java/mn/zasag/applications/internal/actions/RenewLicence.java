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

/** POLICE-DL-001, an officer's decision: a renewed card, new number, valid ten years; the old card is replaced. */
@Component
class RenewLicence implements ApprovalAction {

    private final DrivingLicences licences;
    private final LicenceFacts facts;

    RenewLicence(DrivingLicences licences, LicenceFacts facts) {
        this.licences = licences;
        this.facts = facts;
    }

    @Override
    public String name() {
        return "licences.renew";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        return facts.obstacles(application.applicant(), true);
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        String previous = licences.current(application.applicant()).map(Licence::number).orElse("—");
        Licence renewed = licences.renew(application.applicant(), Answers.basis(application), officer);
        Map<String, String> out = new LinkedHashMap<>();
        LicenceFacts.describe(renewed, out);
        out.put("fact.previousLicence", previous);
        return out;
    }
}
