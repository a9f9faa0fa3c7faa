package mn.zasag.notifications.internal;

import io.micrometer.core.instrument.MeterRegistry;
import mn.zasag.ZasagTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the build (surefire runs *Tests and *Test only): run by {@code bench/notifications.sh}.
 * Queues a backlog of SMS in the outbox and drains it through one node to the SMSC simulator over real
 * SMPP with the window, then the same for email to GreenMail over real SMTP; prints rates and the peak
 * heap seen while draining. Sizes: -Dbench.sms (100000), -Dbench.emails (10000), -Dbench.window (32),
 * -Dbench.batch (500), -Dbench.smtp (8 SMTP connections at once), -Dbench.smscLatencyMs (0: the simulator
 * answers each submit_sm at once; e.g. 20 for an SMSC across a network).
 */
@ZasagTest
@Tag("benchmark")
class NotificationsBenchmark extends GatewaysContext {

    @Autowired
    Outbox outbox;
    @Autowired
    SmsGateway sms;
    @Autowired
    NotificationSettings settings;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    @Test
    void drainABacklogToTheSmscAndToGreenMail() throws Exception {
        int smsCount = Integer.getInteger("bench.sms", 100_000);
        int emailCount = Integer.getInteger("bench.emails", 10_000);
        int window = Integer.getInteger("bench.window", 32);
        int batch = Integer.getInteger("bench.batch", 500);
        int connections = Integer.getInteger("bench.smtp", 8);
        int latency = Integer.getInteger("bench.smscLatencyMs", 0);
        NotificationSettings bench = new NotificationSettings(false, settings.retryBase(), settings.retryMax(),
                settings.maxAttempts(), settings.lease(), batch, 0, null, window, connections, settings.smtp(), settings.smpp());
        Deliverer node = new Deliverer(outbox, List.of(new EmailGateway(bench), sms), bench, transactions, clock, meters);
        SMSC.recordSubmits(false);
        SMSC.holdResponses(latency); // an SMSC across a network answers each submit_sm after a while
        sms.connect();

        queue("SMS", smsCount);
        long acceptedBefore = SMSC.accepted();
        Run smsRun = timedDrain(node);
        long smsSent = count("SMS", "SENT");
        assertThat(smsSent).isEqualTo(smsCount);
        assertThat(SMSC.accepted() - acceptedBefore).isEqualTo(smsCount);
        report("sms", smsCount, smsRun, "window=" + window + " batch=" + batch + " smsc latency=" + latency + " ms");

        queue("EMAIL", emailCount);
        int receivedBefore = SMTP.getReceivedMessages().length;
        Run emailRun = timedDrain(node);
        assertThat(SMTP.getReceivedMessages().length - receivedBefore).isEqualTo(emailCount);
        assertThat(count("EMAIL", "SENT")).isEqualTo(emailCount);
        // the heap here includes GreenMail's own store of every received message (same JVM)
        report("email", emailCount, emailRun, connections + " SMTP connections at once, one per message");
    }

    private record Run(double seconds, long peakHeapBytes, long heapBeforeBytes) {
    }

    private Run timedDrain(Deliverer node) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                sleep(50);
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        while (node.deliverDue() > 0) {
            // until the backlog is gone
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        done.set(true);
        return new Run(seconds, peak.get(), before);
    }

    private void queue(String channel, int n) {
        long start = System.nanoTime();
        jdbc.sql("""
                        insert into notifications.notification (id, caller, caller_reference, channel, recipient, kind, language,
                            subject, body, sms_encoding, sms_parts, status, attempts, next_attempt_at, created_at, updated_at)
                        select gen_random_uuid(), 'bench', :channel || '-' || g, :channel,
                               case when :channel = 'SMS' then '+9768' || lpad(g::text, 7, '0') else 'b' || g || '@example.mn' end,
                               'account_registered', 'en',
                               case when :channel = 'EMAIL' then 'Zasag: your account is ready' end,
                               case when :channel = 'SMS' then 'Hello B' || g || ', your Zasag account has been created.'
                                    else E'Hello B' || g || E',\\n\\nYour Zasag account has been created.\\n\\nZasag' end,
                               case when :channel = 'SMS' then 'GSM7' end, case when :channel = 'SMS' then 1 end,
                               'CREATED', 0, now() - interval '1 second', now(), now()
                        from generate_series(1, :n) g""")
                .param("channel", channel).param("n", n).update();
        jdbc.sql("analyze notifications.notification").update();
        System.out.printf(Locale.ROOT, "BENCH queued %d %s in %.1f s%n", n, channel, (System.nanoTime() - start) / 1e9);
    }

    private long count(String channel, String status) {
        return jdbc.sql("select count(*) from notifications.notification where caller = 'bench' and channel = :c and status = :s")
                .param("c", channel).param("s", status).query(Long.class).single();
    }

    private static void report(String what, int n, Run run, String how) {
        System.out.printf(Locale.ROOT, "BENCH %s: %d drained in %.1f s = %.0f/s (%s); heap used before %d MiB, peak while draining %d MiB%n",
                what, n, run.seconds(), n / run.seconds(), how, run.heapBeforeBytes() >> 20, run.peakHeapBytes() >> 20);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
