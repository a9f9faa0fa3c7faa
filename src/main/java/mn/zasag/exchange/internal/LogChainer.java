package mn.zasag.exchange.internal;

import mn.zasag.pki.DataSealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Chains message log records by hash in the order they became visible, and time-stamps each batch of the chain
 * with our TSA (RFC 3161): {@code chain(n) = SHA-256(chain(n-1) || recordHash(n))}, {@code chain(0)} = 32 zero
 * bytes, and a batch's time-stamp token covers the chain hash of its last record (the imprint is that hash).
 * One node chains at a time (a row lock on the chain head), so the chain has one order across nodes. Chaining off
 * the request path keeps the message path free of a global lock; a record is chained within seconds.
 */
@Component
public class LogChainer {

    private static final Logger log = LoggerFactory.getLogger(LogChainer.class);
    static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DataSealing sealing;
    private final Clock clock;

    LogChainer(JdbcClient jdbc, TransactionTemplate tx, DataSealing sealing, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.sealing = sealing;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${zasag.exchange.chain-interval:2s}", fixedDelayString = "${zasag.exchange.chain-interval:2s}")
    void scheduled() {
        try {
            chainPending();
        } catch (RuntimeException e) {
            log.warn("message log chaining failed; will retry: {}", e.getMessage());
        }
    }

    /** Chains every visible unchained record, batch by batch; answers how many. */
    public int chainPending() {
        int total = 0;
        while (true) {
            Integer n = tx.execute(status -> chainBatch());
            if (n == null || n == 0) {
                return total;
            }
            total += n;
        }
    }

    private int chainBatch() {
        Object[] head = jdbc.sql("select seq, hash from exchange.chain_head where id = 1 for update")
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getBytes(2)}).single();
        long seq = (Long) head[0];
        byte[] hash = (byte[]) head[1];
        record Row(long id, OffsetDateTime at, byte[] recordHash) {
        }
        List<Row> rows = jdbc.sql("""
                        select id, logged_at, record_hash from exchange.message_log where chain_seq is null order by id limit :n""")
                .param("n", BATCH).query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getBytes(3))).list();
        if (rows.isEmpty()) {
            return 0;
        }
        long first = seq + 1;
        for (Row row : rows) {
            seq++;
            hash = next(hash, row.recordHash());
            jdbc.sql("update exchange.message_log set chain_seq = :seq, chain_hash = :h where id = :id and logged_at = :at")
                    .param("seq", seq).param("h", hash).param("id", row.id()).param("at", row.at()).update();
        }
        byte[] token = sealing.timeStamp(hash);
        long batch = jdbc.sql("""
                        insert into exchange.log_batch (first_seq, last_seq, chain_hash, token, stamped_at)
                        values (:f, :l, :h, :t, :now) returning id""")
                .param("f", first).param("l", seq).param("h", hash).param("t", token).param("now", OffsetDateTime.now(clock))
                .query(Long.class).single();
        jdbc.sql("update exchange.message_log set batch_id = :b where chain_seq between :f and :l")
                .param("b", batch).param("f", first).param("l", seq).update();
        jdbc.sql("update exchange.chain_head set seq = :s, hash = :h where id = 1").param("s", seq).param("h", hash).update();
        return rows.size();
    }

    static byte[] next(byte[] previous, byte[] recordHash) {
        byte[] both = new byte[previous.length + recordHash.length];
        System.arraycopy(previous, 0, both, 0, previous.length);
        System.arraycopy(recordHash, 0, both, previous.length, recordHash.length);
        return MessageLog.sha256(both);
    }
}
