package mn.zasag.notifications.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import mn.zasag.notifications.Channel;
import mn.zasag.notifications.NotificationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.PreDestroy;

/**
 * Delivers what the outbox holds, after the callers' transactions committed. Every node runs it; rows
 * are claimed in a short transaction of their own ({@code SKIP LOCKED}), handed to the gateway outside
 * any transaction, then marked. A node that dies between claim and mark leaves a lease that runs out,
 * and another node takes the row again: a message is never lost. It can be handed over twice only when
 * a node dies after the gateway accepted it and before the mark; the Message-ID (the notification id)
 * lets the receiver see the repeat. SMS of a batch go out on {@code smppWindow} threads at once, so that
 * many submit_sm await their responses on the one SMPP link (jSMPP matches responses by sequence number);
 * emails on {@code smtpConnections} threads, each with its own SMTP connection.
 */
@Component
public class Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    private final Outbox outbox;
    private final Map<Channel, Gateway> gateways = new EnumMap<>(Channel.class);
    private final NotificationSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<Channel, ExecutorService> pools = new EnumMap<>(Channel.class); // guarded by this

    Deliverer(Outbox outbox, List<Gateway> gateways, NotificationSettings settings,
              PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        gateways.forEach(g -> this.gateways.put(g.channel(), g));
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${zasag.notifications.interval:5s}", initialDelayString = "${zasag.notifications.interval:5s}")
    void deliverOnSchedule() {
        if (!settings.deliver()) {
            return;
        }
        try {
            while (deliverDue() == settings.batchSize()) {
                // a full batch: there may be more due right now
            }
        } catch (RuntimeException e) {
            log.warn("Delivering notifications failed; will try again", e);
        }
    }

    /** Claims one batch of due messages and delivers it; returns how many were claimed. */
    public int deliverDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Notification> batch = transaction.execute(s -> outbox.claim(now, now.plus(settings.lease()), settings.batchSize()));
        // past half the lease (slow or hanging gateway) the rest goes back to the queue rather than risk
        // being sent by this node after another one took it over
        OffsetDateTime deadline = now.plus(settings.lease().dividedBy(2));
        List<Future<?>> inFlight = new ArrayList<>();
        for (Notification n : batch) {
            if (parallelism(n.channel()) > 1) {
                // SMS: several submit_sm awaiting their responses at once on the one link (the SMPP window);
                // email: several SMTP connections at once
                inFlight.add(pool(n.channel()).submit(() -> deliverBefore(n, deadline, now)));
            } else {
                deliverBefore(n, deadline, now);
            }
        }
        for (Future<?> f : inFlight) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while delivering", e);
            } catch (ExecutionException e) {
                log.warn("Delivering an SMS failed unexpectedly", e.getCause());
            }
        }
        return batch.size();
    }

    private void deliverBefore(Notification n, OffsetDateTime deadline, OffsetDateTime claimedAt) {
        if (OffsetDateTime.now(clock).isAfter(deadline)) {
            outbox.finish(n.id(), n.attempts(), NotificationStatus.CREATED, n.failureReason(), null, claimedAt,
                    OffsetDateTime.now(clock));
        } else {
            deliver(n);
        }
    }

    private int parallelism(Channel channel) {
        return channel == Channel.SMS ? settings.smppWindow() : settings.smtpConnections();
    }

    /** The threads that keep up to {@code smppWindow} SMS submits, or {@code smtpConnections} emails, under way. */
    private synchronized ExecutorService pool(Channel channel) {
        return pools.computeIfAbsent(channel, c -> {
            AtomicInteger count = new AtomicInteger();
            String name = (c == Channel.SMS ? "smpp-window-" : "smtp-connection-");
            return Executors.newFixedThreadPool(parallelism(c), r -> {
                Thread thread = new Thread(r, name + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        });
    }

    @PreDestroy
    synchronized void stop() {
        pools.values().forEach(ExecutorService::shutdown);
    }

    private void deliver(Notification n) {
        Gateway gateway = gateways.get(n.channel());
        if (gateway == null || !gateway.configured()) {
            finish(n, NotificationStatus.KEPT, null, null, null, "kept");
            return;
        }
        try {
            String providerId = gateway.send(n);
            finish(n, NotificationStatus.SENT, null, providerId, null, "sent");
            gateway.sent(n);
        } catch (Gateway.GatewayFailure e) {
            if (e.retryable() && n.attempts() < settings.maxAttempts()) {
                OffsetDateTime next = OffsetDateTime.now(clock).plus(settings.backoff(n.attempts()));
                log.info("Notification {} attempt {} failed ({}); next at {}", n.id(), n.attempts(), e.getMessage(), next);
                finish(n, NotificationStatus.CREATED, e.getMessage(), null, next, "retried");
            } else {
                String reason = e.retryable() ? e.getMessage() + ": out of attempts" : e.getMessage();
                log.warn("Notification {} failed: {}", n.id(), reason, e.getCause());
                finish(n, NotificationStatus.FAILED, reason, null, null, "failed");
            }
        } catch (RuntimeException e) {
            log.warn("Notification {} attempt {} failed unexpectedly", n.id(), n.attempts(), e);
            finish(n, NotificationStatus.CREATED, "unexpected_error", null,
                    OffsetDateTime.now(clock).plus(settings.backoff(n.attempts())), "retried");
        }
    }

    private void finish(Notification n, NotificationStatus next, String reason, String providerId,
                        OffsetDateTime nextAttempt, String outcome) {
        if (outbox.finish(n.id(), n.attempts(), next, reason, providerId, nextAttempt, OffsetDateTime.now(clock))) {
            count(n.channel(), outcome);
        }
    }

    void count(Channel channel, String outcome) {
        Counter.builder("zasag.notifications.sent")
                .description("Notifications handed to a gateway (or kept, retried, failed, delivered), by channel and outcome")
                .tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT)).tag("outcome", outcome)
                .register(meters).increment();
    }
}
