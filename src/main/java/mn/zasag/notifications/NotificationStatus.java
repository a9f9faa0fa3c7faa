package mn.zasag.notifications;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A notification's lifecycle, as data: each status and the statuses it may move to. The outbox only
 * updates a row whose current status allows the move, so a late or repeated update is a no-op.
 */
public enum NotificationStatus {
    /** Recorded with the caller's change; waits for a deliverer (again, after a transient failure). */
    CREATED,
    /** Claimed by one node, which is handing it to the gateway. */
    SENDING,
    /** The gateway (SMTP server, SMSC) accepted it. */
    SENT,
    /** The SMSC reported it delivered to the handset. */
    DELIVERED,
    /** Given up, with a reason: refused for good, or out of attempts. */
    FAILED,
    /** No gateway is configured for its channel (the demo): kept here for admins to read, never sent. */
    KEPT,
    /** Over the per-recipient limit when it was sent: recorded with its reason, never delivered. */
    THROTTLED;

    private static final Map<NotificationStatus, Set<NotificationStatus>> NEXT = Map.of(
            CREATED, EnumSet.of(SENDING),
            // CREATED again: a transient failure, retried later; SENDING again: a lease that ran out
            SENDING, EnumSet.of(SENT, FAILED, KEPT, CREATED, SENDING),
            SENT, EnumSet.of(DELIVERED, FAILED),
            DELIVERED, EnumSet.noneOf(NotificationStatus.class),
            FAILED, EnumSet.noneOf(NotificationStatus.class),
            KEPT, EnumSet.noneOf(NotificationStatus.class),
            THROTTLED, EnumSet.noneOf(NotificationStatus.class));

    public boolean canMoveTo(NotificationStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The statuses from which a move to this one is allowed. */
    public Set<NotificationStatus> predecessors() {
        EnumSet<NotificationStatus> from = EnumSet.noneOf(NotificationStatus.class);
        NEXT.forEach((status, next) -> {
            if (next.contains(this)) {
                from.add(status);
            }
        });
        return from;
    }
}
