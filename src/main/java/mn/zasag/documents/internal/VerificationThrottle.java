package mn.zasag.documents.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.documents.VerificationThrottled;
import mn.zasag.shared.db.WindowCounter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Keeps the public verification from being used to find documents by guessing codes. A code has 35 random bits; with
 * millions of documents issued, a guess in a few thousand would hit one, and show its type, issuer and masked holder.
 * So each lookup of a code that matches no document is counted per client address (in the database, so every node
 * sees the same counts), and an address with {@code limit} misses within {@code window} is refused every lookup
 * ({@code 429}) until its misses age out. People who mistype are not affected: the check symbol catches a mistyped
 * symbol before any lookup, and a dozen honest misses in a quarter of an hour is already unusual.
 */
@Component
public class VerificationThrottle {

    private final AuditTrail audit;
    private final Clock clock;
    private final int limit;
    private final WindowCounter misses;

    VerificationThrottle(JdbcClient jdbc, AuditTrail audit, Clock clock,
                         @Value("${zasag.documents.verify-miss-limit:20}") int limit,
                         @Value("${zasag.documents.verify-miss-window:15m}") Duration window) {
        this.audit = audit;
        this.clock = clock;
        this.limit = limit;
        this.misses = new WindowCounter(jdbc, "documents.verify_miss", "ip", window);
    }

    /** @throws VerificationThrottled when the address has missed too often lately */
    public void check(String ip) {
        if (misses.count(ip, OffsetDateTime.now(clock)) >= limit) {
            throw new VerificationThrottled();
        }
    }

    /** Counts a lookup that matched nothing; the miss that reaches the limit is audited (once per episode). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void missed(String ip) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        misses.add(ip, now);
        if (misses.count(ip, now) == limit) {
            audit.record(new AuditEvent("documents.verify.throttled", AuditEvent.Outcome.DENIED, "client", ip, null,
                    Map.of("misses", String.valueOf(limit), "window", misses.window().toString())));
        }
    }

    /** Misses older than the window no longer count for anything. */
    @Scheduled(cron = "0 23 * * * *")
    void forgetOldMisses() {
        misses.purge(OffsetDateTime.now(clock));
    }
}
