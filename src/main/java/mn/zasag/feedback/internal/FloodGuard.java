package mn.zasag.feedback.internal;

import mn.zasag.feedback.TooManyCases;
import mn.zasag.shared.db.WindowCounter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Flood limits: at most {@code limit} cases from one source (a mobile number, a client address) within
 * {@code window}. Counted in the database so every node sees the same counts.
 */
@Component
class FloodGuard {

    private final JdbcClient jdbc;
    private final int limit;
    private final WindowCounter attempts;

    FloodGuard(JdbcClient jdbc, @Value("${zasag.feedback.flood-limit:5}") int limit,
               @Value("${zasag.feedback.flood-window:10m}") Duration window) {
        this.jdbc = jdbc;
        this.limit = limit;
        this.attempts = new WindowCounter(jdbc, "feedback.intake_attempt", "source", window);
    }

    /** Counts one case from {@code source}, or refuses it when the source has sent too many. */
    void count(String source, OffsetDateTime now) {
        // one source at a time, so two nodes cannot both let the sixth through
        jdbc.sql("select pg_advisory_xact_lock(hashtext('feedback.flood:' || :source))").param("source", source)
                .query((rs, n) -> 1).list();
        if (attempts.count(source, now) >= limit) {
            throw new TooManyCases();
        }
        attempts.add(source, now);
    }

    /** Deletes the counts older than the window (they no longer count); how many. */
    int purge(OffsetDateTime now) {
        return attempts.purge(now);
    }

    /** Whether the source may send one more now, without counting it. */
    boolean allows(String source, OffsetDateTime now) {
        return attempts.count(source, now) < limit;
    }
}
