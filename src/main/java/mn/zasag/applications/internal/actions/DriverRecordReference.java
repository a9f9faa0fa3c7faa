package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.licences.DriverRecord;
import mn.zasag.licences.DrivingLicences;
import mn.zasag.licences.Violation;
import mn.zasag.shared.Actor;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POLICE-DL-006, decided at once: the driver's record — the card in force (or none), and the traffic violations
 * of the last three years with their fines, newest first.
 */
@Component
class DriverRecordReference implements ApprovalAction {

    private final DrivingLicences licences;
    private final LicenceFacts facts;

    DriverRecordReference(DrivingLicences licences, LicenceFacts facts) {
        this.licences = licences;
        this.facts = facts;
    }

    @Override
    public String name() {
        return "licences.driver-record";
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        DriverRecord record = licences.read(application.applicant(), Answers.basis(application));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.registerNumber", record.holder());
        if (record.licence() == null) {
            out.put("fact.licenceStatus", facts.label("NO_LICENCE"));
        } else {
            LicenceFacts.describe(record.licence(), out);
            out.put("fact.licenceStatus", facts.label(record.licence().validOn(facts.today()) ? "VALID" : "EXPIRED"));
        }
        var recent = record.violations().stream().filter(v -> !v.occurredOn().isBefore(facts.today().minusYears(3))).toList();
        out.put("fact.violations", Integer.toString(recent.size()));
        out.put("fact.fines", recent.stream().map(Violation::fine).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString());
        int i = 1;
        for (Violation v : recent) {
            out.put("fact.violation." + i++, v.occurredOn() + " — " + v.article() + " — " + v.description());
            if (i > 10) {
                break;
            }
        }
        return out;
    }
}
