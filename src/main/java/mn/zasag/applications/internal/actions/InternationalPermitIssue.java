package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.licences.DrivingLicences;
import mn.zasag.licences.InternationalPermit;
import mn.zasag.licences.Licence;
import mn.zasag.shared.Actor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** POLICE-DL-004, an officer's decision once the fee is paid: an international permit on the card in force, valid a year. */
@Component
class InternationalPermitIssue implements ApprovalAction {

    private final DrivingLicences licences;
    private final LicenceFacts facts;

    InternationalPermitIssue(DrivingLicences licences, LicenceFacts facts) {
        this.licences = licences;
        this.facts = facts;
    }

    @Override
    public String name() {
        return "licences.international-permit";
    }

    @Override
    public List<String> obstacles(Submitted application) {
        return facts.obstacles(application.applicant(), false);
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        InternationalPermit permit = licences.issuePermit(application.applicant(), Answers.basis(application), officer);
        Licence licence = licences.current(application.applicant()).orElseThrow();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.permitNumber", permit.number());
        out.put("fact.permitValidUntil", permit.validUntil().toString());
        out.put("fact.licenceNumber", licence.number());
        out.put("fact.categories", String.join(", ", licence.categories()));
        return out;
    }
}
