package mn.zasag.audit;

import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened and must be provable later. {@code action} is a stable dotted name
 * ({@code identity.login.failed}); the actor and client address are taken from the current security
 * context and request unless given.
 *
 * @param action     stable name of what happened, listed in docs/AUDIT.md
 * @param outcome    whether it succeeded
 * @param objectType kind of object acted on (e.g. {@code account}), or null
 * @param objectId   id of that object, or null
 * @param actorLogin who acted, when not the authenticated user (e.g. a failed login's user name), or null
 * @param details    extra facts, never secrets
 */
public record AuditEvent(String action, Outcome outcome, String objectType, String objectId, String actorLogin,
                         Map<String, String> details) {

    public enum Outcome { SUCCESS, FAILURE, DENIED }

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static AuditEvent success(String action, String objectType, String objectId) {
        return new AuditEvent(action, Outcome.SUCCESS, objectType, objectId, null, Map.of());
    }

    public static AuditEvent failure(String action, String objectType, String objectId) {
        return new AuditEvent(action, Outcome.FAILURE, objectType, objectId, null, Map.of());
    }

    public AuditEvent withActorLogin(String login) {
        return new AuditEvent(action, outcome, objectType, objectId, login, details);
    }

    public AuditEvent withDetails(Map<String, String> more) {
        var merged = new java.util.HashMap<>(details);
        merged.putAll(more);
        return new AuditEvent(action, outcome, objectType, objectId, actorLogin, merged);
    }
}
