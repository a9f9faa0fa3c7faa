package mn.zasag.notifications.internal;

import mn.zasag.notifications.NotificationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The parts of each SMS as the SMSC accepted them, found again by the SMSC's message id when its
 * delivery receipt comes. A notification is delivered when every part of its latest attempt is, and
 * failed as soon as one part is.
 */
@Repository
public class SmsParts {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    SmsParts(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    void accepted(UUID notification, int attempt, int seq, String smscMessageId, OffsetDateTime now) {
        jdbc.sql("""
                        insert into notifications.sms_part (notification_id, attempt, seq, smsc_message_id, status, updated_at)
                        values (:id, :attempt, :seq, :smsc, 'SENT', :now)
                        on conflict (smsc_message_id) do nothing""")
                .param("id", notification).param("attempt", attempt).param("seq", seq).param("smsc", smscMessageId)
                .param("now", now).update();
    }

    /** Records a final receipt for one part; the notification it belongs to, if the part is known. */
    Optional<UUID> receipt(String smscMessageId, boolean delivered, String reason, OffsetDateTime now) {
        return jdbc.sql("""
                        update notifications.sms_part set status = :status, failure_reason = :reason, updated_at = :now
                        where smsc_message_id = :smsc and status = 'SENT'
                        returning notification_id""")
                .param("status", delivered ? "DELIVERED" : "FAILED").param("reason", reason).param("now", now)
                .param("smsc", smscMessageId).query(UUID.class).optional();
    }

    /** Moves the notification to delivered or failed once its parts say so; the new status, if it moved. */
    Optional<NotificationStatus> settle(UUID notification, OffsetDateTime now) {
        var row = jdbc.sql("""
                        select n.sms_parts as parts,
                               count(*) filter (where p.status = 'DELIVERED') as delivered,
                               min(p.failure_reason) filter (where p.status = 'FAILED') as failure
                        from notifications.notification n
                        join notifications.sms_part p on p.notification_id = n.id
                         and p.attempt = (select max(attempt) from notifications.sms_part where notification_id = n.id)
                        where n.id = :id
                        group by n.sms_parts""")
                .param("id", notification).query().listOfRows();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var values = row.get(0);
        String failure = (String) values.get("failure");
        if (failure != null) {
            return outbox.advance(notification, NotificationStatus.FAILED, failure, now)
                    ? Optional.of(NotificationStatus.FAILED) : Optional.empty();
        }
        long delivered = ((Number) values.get("delivered")).longValue();
        Number parts = (Number) values.get("parts");
        if (parts != null && delivered >= parts.longValue()) {
            return outbox.advance(notification, NotificationStatus.DELIVERED, null, now)
                    ? Optional.of(NotificationStatus.DELIVERED) : Optional.empty();
        }
        return Optional.empty();
    }
}
