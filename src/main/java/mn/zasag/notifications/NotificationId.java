package mn.zasag.notifications;

import java.util.Objects;
import java.util.UUID;

/** A notification: one message on one channel. Its id is also its idempotency key towards gateways. */
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
