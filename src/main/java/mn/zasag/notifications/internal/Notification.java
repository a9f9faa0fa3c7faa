package mn.zasag.notifications.internal;

import mn.zasag.notifications.Channel;
import mn.zasag.notifications.NotificationStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of the outbox: a rendered message on one channel and where it stands; {@code accountId} when sent to an account. */
public record Notification(UUID id, String caller, String callerReference, Channel channel, String recipient,
                           String kind, String language, String subject, String body, String smsEncoding,
                           Integer smsParts, NotificationStatus status, int attempts, OffsetDateTime nextAttemptAt,
                           String failureReason, String providerId, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt, Long accountId) {
}
