package mn.zasag.feedback.internal;

import mn.zasag.feedback.FeedbackCase;
import mn.zasag.feedback.IntakeChannel;
import mn.zasag.identity.AccountSummary;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
import mn.zasag.notifications.CallerReference;
import mn.zasag.notifications.Language;
import mn.zasag.notifications.Notifications;
import mn.zasag.notifications.Recipient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;

/**
 * Messages to citizens by the channel they used (SMS for SMS and phone calls, email for email; a web or
 * kiosk case gets its messages at the contact it left, and always on its tracking page) and to agencies
 * about their deadlines. Written to the notifications outbox in the caller's transaction.
 */
@Component
class Replies {

    private static final String CALLER = "feedback";

    private final Notifications notifications;
    private final Accounts accounts;

    Replies(Notifications notifications, Accounts accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
    }

    void received(FeedbackCase c) {
        toCitizen(c, "feedback_received", Map.of("reference", c.reference()), c.reference() + "-received");
    }

    void needsInfo(FeedbackCase c, String question, int step) {
        toCitizen(c, "feedback_needs_info", Map.of("reference", c.reference(), "question", question),
                c.reference() + "-info-" + step);
    }

    void answered(FeedbackCase c, String answer, int step) {
        toCitizen(c, "feedback_answered", Map.of("reference", c.reference(), "answer", answer),
                c.reference() + "-answer-" + step);
    }

    void rejected(FeedbackCase c, String reason, int step) {
        toCitizen(c, "feedback_rejected", Map.of("reference", c.reference(), "reason", reason),
                c.reference() + "-rejected-" + step);
    }

    void rerouted(FeedbackCase c, String organisation, int step) {
        toCitizen(c, "feedback_rerouted", Map.of("reference", c.reference(), "organisation", organisation),
                c.reference() + "-rerouted-" + step);
    }

    void extended(FeedbackCase c, LocalDate due, String reason, int step) {
        toCitizen(c, "feedback_extended", Map.of("reference", c.reference(), "due", due.toString(), "reason", reason),
                c.reference() + "-extended-" + step);
    }

    void closed(FeedbackCase c, int step) {
        toCitizen(c, "feedback_closed", Map.of("reference", c.reference()), c.reference() + "-closed-" + step);
    }

    void appealed(FeedbackCase c, int step) {
        toCitizen(c, "feedback_appealed", Map.of("reference", c.reference()), c.reference() + "-appealed-" + step);
    }

    void appealDecided(FeedbackCase c, boolean upheld, String reason, int step) {
        toCitizen(c, upheld ? "feedback_appeal_upheld" : "feedback_appeal_dismissed",
                Map.of("reference", c.reference(), "reason", reason), c.reference() + "-appeal-" + step);
    }

    /**
     * Where the citizen's messages go: the channel they used (SMS for SMS and calls, email for email); else,
     * for a citizen who was logged in, their account (its SMS/email preference honoured, at the contact they
     * left or the account's); else the contact they left. May be none.
     */
    Recipient recipient(FeedbackCase c) {
        String phone = c.contactPhone();
        String email = c.contactEmail();
        IntakeChannel ch = c.channel();
        if (ch == IntakeChannel.SMS || ch == IntakeChannel.PHONE) {
            return new Recipient(null, phone);
        }
        if (ch == IntakeChannel.EMAIL) {
            return new Recipient(email, null);
        }
        if (c.citizenLogin() != null) {
            var account = accounts.findByLogin(c.citizenLogin());
            if (account.isPresent()) {
                return phone == null && email == null
                        ? Recipient.account(account.get().id(), account.get().email(), account.get().mobile())
                        : Recipient.account(account.get().id(), email, phone);
            }
        }
        return email != null ? new Recipient(email, null) : new Recipient(null, phone);
    }

    private void toCitizen(FeedbackCase c, String kind, Map<String, String> values, String reference) {
        Recipient to = recipient(c).usable();
        if (!to.hasEmail() && !to.hasMobile()) {
            return;
        }
        notifications.send(to, kind, values, Language.ofCode(c.language()), new CallerReference(CALLER, reference));
    }

    /** The agency's officers are warned that a case is due soon. */
    void dueSoon(FeedbackCase c, LocalDate due) {
        for (AccountSummary staff : accounts.staff(c.agencyCode())) {
            toStaff(staff, "feedback_due_soon", Map.of("reference", c.reference(), "due", due.toString()),
                    c.reference() + "-due-soon-" + staff.id());
        }
    }

    /** An overdue case goes to the agency's head (its agency admins) and to CITA's, who run the centre. */
    void overdue(FeedbackCase c, LocalDate due) {
        Map<String, String> values = Map.of("reference", c.reference(), "agency", c.agencyCode(), "due", due.toString());
        for (String agency : c.agencyCode().equals(FeedbackCases.CENTRE) ? new String[] {FeedbackCases.CENTRE}
                : new String[] {c.agencyCode(), FeedbackCases.CENTRE}) {
            for (AccountSummary staff : accounts.staff(agency)) {
                if (staff.role() == Role.AGENCY_ADMIN) {
                    toStaff(staff, "feedback_overdue", values, c.reference() + "-overdue-" + staff.id());
                }
            }
        }
    }

    private void toStaff(AccountSummary staff, String kind, Map<String, String> values, String reference) {
        if (!staff.enabled()) {
            return;
        }
        Recipient to = new Recipient(staff.email(), staff.mobile()).usable();
        if (to.hasEmail()) {
            notifications.send(Recipient.email(to.email()), kind, values, Language.MN, new CallerReference(CALLER, reference));
        }
    }
}
