package mn.zasag.audit;

import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the entries recorded outside any transaction (audited reads, failed logins) in batches, one writer
 * thread, and returns to each caller once its entry is committed. The chain takes one writer at a time (a lock
 * on its head): with every request appending on its own, 50 concurrent readers queued on that lock with their
 * pooled connections, and each hand-over waited for the next backend to be scheduled on a busy machine. One
 * thread appending what has queued meanwhile hands the lock over once per batch. Entries recorded inside a
 * transaction still join it (they must commit or roll back with the change they record).
 */
@Component
class AuditWriter {

    private static final int BATCH = 256;
    private static final int WAIT_SECONDS = 30;

    private record Pending(AuditEntry entry, CompletableFuture<Void> written) {
    }

    /** Queued by {@link #stop()}: the writer writes what came before it, then ends. */
    private static final Pending STOP = new Pending(null, new CompletableFuture<>());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean stopped;

    AuditWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.writer = new Thread(this::run, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Appends the entry and returns once it is committed; throws what writing it threw. */
    void append(AuditEntry entry) {
        if (stopped) {
            throw new IllegalStateException("The audit trail is shutting down");
        }
        Pending pending = new Pending(entry, new CompletableFuture<>());
        queue.add(pending);
        try {
            // bounded: an entry queued in the instant the writer stopped is never written
            pending.written().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the audit entry was written", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The audit entry was not written in " + WAIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            boolean last = batch.remove(STOP);
            write(batch);
            batch.clear();
            if (last) {
                return;
            }
        }
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> AuditChain.append(jdbc, batch.stream().map(Pending::entry).toList()));
            batch.forEach(p -> p.written().complete(null));
        } catch (RuntimeException e) {
            batch.forEach(p -> p.written().completeExceptionally(e));
        }
    }

    /** Writes what is queued, then stops (the beans that record on close are closed before this one). */
    @PreDestroy
    void stop() throws InterruptedException {
        stopped = true;
        queue.add(STOP);
        writer.join(WAIT_SECONDS * 1000L);
    }
}
