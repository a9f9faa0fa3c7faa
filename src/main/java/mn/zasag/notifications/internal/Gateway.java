package mn.zasag.notifications.internal;

import mn.zasag.notifications.Channel;

/** Hands messages of one channel to the outside world (an SMTP server, an SMSC). */
public interface Gateway {

    Channel channel();

    /** False when no server is configured: messages are then kept, not sent. */
    boolean configured();

    /**
     * Sends one message; returns the gateway's id for it (for receipts), or null.
     *
     * @throws GatewayFailure when the gateway refused or could not be reached
     */
    String send(Notification notification) throws GatewayFailure;

    /** Called once the message is marked sent: a receipt may have come in before that. */
    default void sent(Notification notification) {
    }

    /** A failed hand-over: {@code transient} ones are retried with backoff, the others fail the message. */
    final class GatewayFailure extends Exception {
        private final boolean retryable;

        public GatewayFailure(boolean retryable, String reason, Throwable cause) {
            super(reason, cause);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
