package mn.zasag.pki.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells the OCSP responder when a signed answer it keeps may have become untrue. Every change of a
 * certificate's status re-signs its CA's CRL and so raises that CA's {@code crl_number}; this node's own
 * changes move the {@link #generation()} as soon as they commit, and a poll of the CRL numbers every
 * {@link #POLL} notices the other nodes' changes. Answers kept under an older generation are not served.
 * If the poll has not succeeded for {@link #TRUSTED_FOR} (database unreachable), {@link #current()} says
 * so and nothing kept is served at all, so a revocation can never stay hidden longer than that.
 */
@Component
public class RevocationWatch {

    static final Duration POLL = Duration.ofMillis(250);
    static final Duration TRUSTED_FOR = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final AtomicLong generation = new AtomicLong();
    private volatile long lastSum = Long.MIN_VALUE;
    private volatile long polledAt = System.nanoTime() - TRUSTED_FOR.toNanos() - 1;

    RevocationWatch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelay = 250, initialDelay = 0)
    void poll() {
        long sum = jdbc.sql("select coalesce(sum(crl_number), 0)::bigint from pki.authority").query(Long.class).single();
        if (sum != lastSum) {
            lastSum = sum;
            generation.incrementAndGet();
        }
        polledAt = System.nanoTime();
    }

    /** Changes whenever some certificate's status may have changed. */
    public long generation() {
        return generation.get();
    }

    /** Whether the last poll is recent enough to trust {@link #generation()}. */
    public boolean current() {
        return System.nanoTime() - polledAt < TRUSTED_FOR.toNanos();
    }

    /** A status changed in the current transaction: the generation moves once it commits (and now). */
    void changed() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }
}
