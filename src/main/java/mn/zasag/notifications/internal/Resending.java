package mn.zasag.notifications.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.notifications.NotificationNotFound;
import mn.zasag.notifications.NotificationNotResendable;
import mn.zasag.notifications.NotificationStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An admin sends a failed, kept or throttled message again (not counted against the recipient's limit) (after the SMTP server or SMSC is fixed or configured).
 * The original stays as it was, for the history; the copy is a new notification with its own status.
 */
@Service
public class Resending {

    private static final Set<NotificationStatus> RESENDABLE = Set.of(NotificationStatus.FAILED, NotificationStatus.KEPT,
            NotificationStatus.THROTTLED);

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    Resending(Outbox outbox, AuditTrail audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UUID resend(UUID id) {
        Notification original = outbox.find(id).orElseThrow(() -> new NotificationNotFound(id.toString()));
        if (!RESENDABLE.contains(original.status())) {
            throw new NotificationNotResendable(id.toString());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID copy = outbox.record(new Notification(UUID.randomUUID(), "notifications",
                "resend-" + id + "-" + now.toInstant().toEpochMilli(), original.channel(), original.recipient(),
                original.kind(), original.language(), original.subject(), original.body(), original.smsEncoding(),
                original.smsParts(), NotificationStatus.CREATED, 0, now, null, null, now, now, original.accountId()));
        audit.record(AuditEvent.success("notifications.notification.resent", "notification", copy.toString())
                .withDetails(Map.of("original", id.toString(), "channel", original.channel().name())));
        return copy;
    }
}
