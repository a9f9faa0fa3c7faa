package mn.zasag.feedback.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.feedback.FeedbackRefused;
import mn.zasag.feedback.LocalOffice;
import mn.zasag.identity.AccountSummary;
import mn.zasag.identity.Accounts;
import mn.zasag.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

/** An agency's admins place their officers in the agency's local offices (or back at the national level). */
@Service
public class OfficeStaffing {

    private final LocalOffices offices;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    OfficeStaffing(LocalOffices offices, Accounts accounts, AuditTrail audit, Clock clock) {
        this.offices = offices;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Places a staff member of the admin's agency in one of its offices (moving them from any other). */
    @Transactional
    public void assign(String login, String officeCode, Actor admin) {
        LocalOffice office = offices.find(officeCode).filter(o -> o.agencyCode().equals(admin.agencyCode()))
                .orElseThrow(() -> new FeedbackRefused("feedback_office_unknown", "office"));
        AccountSummary staff = ownStaff(login, admin);
        offices.assign(staff.login(), office, OffsetDateTime.now(clock), admin.login());
        audit.record(AuditEvent.success("feedback.office.assigned", "account", staff.login())
                .withDetails(Map.of("office", office.code())));
    }

    /** Back to the agency's national level. */
    @Transactional
    public void unassign(String login, Actor admin) {
        AccountSummary staff = ownStaff(login, admin);
        if (!offices.unassign(staff.login(), admin.agencyCode())) {
            throw new FeedbackRefused("feedback_officer_unknown", "login");
        }
        audit.record(AuditEvent.success("feedback.office.unassigned", "account", staff.login()));
    }

    private AccountSummary ownStaff(String login, Actor admin) {
        return accounts.findByLogin(login == null ? "" : login.strip())
                .filter(a -> admin.agencyCode() != null && admin.agencyCode().equals(a.agencyCode()))
                .orElseThrow(() -> new FeedbackRefused("feedback_officer_unknown", "login"));
    }
}
