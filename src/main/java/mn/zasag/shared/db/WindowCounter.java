package mn.zasag.shared.db;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Events per key (a mobile number, a client address) within a sliding window, counted in a table of
 * {@code (key, at)} rows so that every node sees the same counts: the base of flood limits and throttles. The
 * table, its key column and an index on {@code (key, at)} belong to the module that uses the counter.
 */
public final class WindowCounter {

    private final JdbcClient jdbc;
    private final Duration window;
    private final String count;
    private final String insert;
    private final String purge;

    /** {@code table} and {@code keyColumn} are identifiers written in code, never input. */
    public WindowCounter(JdbcClient jdbc, String table, String keyColumn, Duration window) {
        this.jdbc = jdbc;
        this.window = window;
        this.count = "select count(*) from " + table + " where " + keyColumn + " = :key and at > :since";
        this.insert = "insert into " + table + " (" + keyColumn + ", at) values (:key, :at)";
        this.purge = "delete from " + table + " where at <= :since";
    }

    public Duration window() {
        return window;
    }

    /** Events of the key within the window that ends at {@code now}. */
    public long count(String key, OffsetDateTime now) {
        return jdbc.sql(count).param("key", key).param("since", now.minus(window)).query(Long.class).single();
    }

    public void add(String key, OffsetDateTime at) {
        jdbc.sql(insert).param("key", key).param("at", at).update();
    }

    /** Deletes the events older than the window (they no longer count); how many. */
    public int purge(OffsetDateTime now) {
        return jdbc.sql(purge).param("since", now.minus(window)).update();
    }
}
