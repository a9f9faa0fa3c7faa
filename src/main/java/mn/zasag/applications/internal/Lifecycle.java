package mn.zasag.applications.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.identity.Accounts;
import mn.zasag.notifications.CallerReference;
import mn.zasag.notifications.Language;
import mn.zasag.notifications.Notifications;
import mn.zasag.notifications.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle as data: a move is made only when {@code applications.transition} lists it for that kind of actor.
 * Each move writes the history, the audit trail and tells the applicant, in the caller's transaction.
 */
@Component
public class Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
    static final String CALLER = "applications";

    private final ApplicationStore store;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Accounts accounts;
    private final Clock clock;
    private volatile Set<String> allowed;

    Lifecycle(ApplicationStore store, AuditTrail audit, Notifications notifications, Accounts accounts, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.notifications = notifications;
        this.accounts = accounts;
        this.clock = clock;
    }

    public boolean allows(String from, String to, String actorKind) {
        if (allowed == null) {
            Set<String> s = new HashSet<>();
            for (String[] t : store.transitions()) {
                s.add(t[0] + ">" + t[1] + ">" + t[2]);
            }
            allowed = s;
        }
        return allowed.contains(from + ">" + to + ">" + actorKind);
    }

    /**
     * Moves the application, or throws {@link ApplicationRefused} when the table does not allow it or another request
     * moved it first.
     */
    Application move(Application a, String to, String actorKind, String actor, String message, Map<String, String> placeholders) {
        if (!allows(a.state(), to, actorKind)) {
            throw ApplicationRefused.conflict("applications_transition_not_allowed");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!store.moveState(a.id(), a.state(), to, now)) {
            throw ApplicationRefused.conflict("applications_transition_not_allowed");
        }
        store.history(a.id(), actor, actorKind, a.state(), to, message, now);
        audit.record(AuditEvent.success("applications.state." + to, "application", a.reference())
                .withActorLogin(actor).withDetails(Map.of("from", a.state(), "service", a.serviceCode())));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reference", a.reference());
        values.put("message", message == null || message.isBlank() ? "-" : message);
        if (placeholders != null) {
            values.putAll(placeholders);
        }
        tell(a, "applications_" + to, values, a.reference() + "-" + to + "-" + now.toInstant().toEpochMilli());
        return store.find(a.reference()).orElseThrow();
    }

    /** Writes a history line that does not change the state (an assignment, a failed document). */
    void note(Application a, String actorKind, String actor, String message) {
        store.history(a.id(), actor, actorKind, a.state(), a.state(), message, OffsetDateTime.now(clock));
    }

    private void tell(Application a, String kind, Map<String, String> values, String reference) {
        if (List.of("applications_draft").contains(kind)) {
            return;
        }
        var account = accounts.find(a.applicantAccount());
        if (account.isEmpty()) {
            return;
        }
        Recipient to = Recipient.account(a.applicantAccount(), account.get().email(), account.get().mobile()).usable();
        if (!to.hasEmail() && !to.hasMobile()) {
            log.info("Applicant of {} has no address: not told of {}", a.reference(), kind);
            return;
        }
        notifications.send(to, kind, values, Language.ofCode(a.language()), new CallerReference(CALLER, reference));
    }
}
