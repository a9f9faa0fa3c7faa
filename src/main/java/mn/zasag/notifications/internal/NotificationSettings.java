package mn.zasag.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of delivery and of the gateways, from {@code zasag.notifications.*} (environment variables
 * in application.yml). A blank SMTP host means no email is sent: messages are kept for admins to read.
 */
@ConfigurationProperties("zasag.notifications")
public record NotificationSettings(boolean deliver, Duration retryBase, Duration retryMax, int maxAttempts,
                                   Duration lease, int batchSize, int maxPerRecipient, Duration recipientWindow,
                                   int smppWindow, int smtpConnections, Smtp smtp, Smpp smpp) {

    public NotificationSettings {
        retryBase = retryBase == null ? Duration.ofSeconds(30) : retryBase;
        retryMax = retryMax == null ? Duration.ofHours(1) : retryMax;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        batchSize = batchSize <= 0 ? 50 : batchSize;
        maxPerRecipient = Math.max(maxPerRecipient, 0); // 0: no limit
        recipientWindow = recipientWindow == null ? Duration.ofHours(1) : recipientWindow;
        smppWindow = smppWindow <= 0 ? 1 : smppWindow;
        smtpConnections = smtpConnections <= 0 ? 1 : smtpConnections;
        smtp = smtp == null ? new Smtp(null, 587, null, null, "noreply@zasag.mn", true) : smtp;
        smpp = smpp == null ? new Smpp(null, 2775, null, null, "ZASAG") : smpp;
    }

    /** An operator's SMSC over SMPP 3.4; a blank host means SMS are kept, not sent. */
    public record Smpp(String host, int port, String systemId, String password, String sourceAddr) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }

        @Override
        public String toString() {
            return "Smpp[host=" + host + ", port=" + port + ", systemId=" + systemId + ", sourceAddr=" + sourceAddr + "]";
        }
    }

    public record Smtp(String host, int port, String user, String password, String from, boolean starttls) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", user=" + user + ", from=" + from + "]";
        }
    }

    /** Wait before attempt {@code attempts + 1}: the base, doubled per failed attempt, at most the max. */
    public Duration backoff(int attempts) {
        Duration wait = retryBase.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
