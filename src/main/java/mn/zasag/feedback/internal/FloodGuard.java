package mn.zasag.feedback.internal;

import mn.zasag.feedback.TooManyCases;
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
    private final Duration window;

    FloodGuard(JdbcClient jdbc, @Value("${zasag.feedback.flood-limit:5}") int limit,
               @Value("${zasag.feedback.flood-window:10m}") Duration window) {
        this.jdbc = jdbc;
        this.limit = limit;
        this.window = window;
    }

    /** Counts one case from {@code source}, or refuses it when the source has sent too many. */
    void count(String source, OffsetDateTime now) {
        // one source at a time, so two nodes cannot both let the sixth through
        jdbc.sql("select pg_advisory_xact_lock(hashtext('feedback.flood:' || :source))").param("source", source)
                .query((rs, n) -> 1).list();
        int recent = jdbc.sql("select count(*) from feedback.intake_attempt where source = :source and at > :since")
                .param("source", source).param("since", now.minus(window)).query(Integer.class).single();
        if (recent >= limit) {
            throw new TooManyCases();
        }
        jdbc.sql("insert into feedback.intake_attempt (source, at) values (:source, :at)")
                .param("source", source).param("at", now).update();
    }

    /** Deletes the counts older than the window (they no longer count); how many. */
    int purge(OffsetDateTime now) {
        return jdbc.sql("delete from feedback.intake_attempt where at <= :since").param("since", now.minus(window)).update();
    }

    /** Whether the source may send one more now, without counting it. */
    boolean allows(String source, OffsetDateTime now) {
        return jdbc.sql("select count(*) from feedback.intake_attempt where source = :source and at > :since")
                .param("source", source).param("since", now.minus(window)).query(Integer.class).single() < limit;
    }
}
