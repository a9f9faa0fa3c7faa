package mn.zasag.notifications.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.notifications.InboundSms;
import mn.zasag.notifications.InboundSmsHandler;
import mn.zasag.notifications.internal.InboundMessages.Inbound;
import mn.zasag.notifications.internal.InboundMessages.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Inbound (mobile-originated) SMS: stored as the SMPP link receives them, then handed to the
 * {@link InboundSmsHandler} that owns the short number. The hand-over runs in one transaction that locks
 * the message ({@code FOR UPDATE SKIP LOCKED}), calls the handler and marks the message HANDLED: the
 * handler's writes and the mark commit together, so a message is handled exactly once when its handler
 * succeeds, and again later (with backoff) when it throws. Nobody owning the number: UNROUTED.
 */
@Component
public class InboundDispatcher {

    private static final Logger log = LoggerFactory.getLogger(InboundDispatcher.class);
    private static final int BATCH = 50;

    private final InboundMessages messages;
    private final Map<String, InboundSmsHandler> owners;
    private final NotificationSettings settings;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Clock clock;
    private final MeterRegistry meters;
    /** Hands a new message over right after its deliver_sm is answered, off the SMPP link's threads. */
    private final ExecutorService soon = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "inbound-sms");
        thread.setDaemon(true);
        return thread;
    });

    InboundDispatcher(InboundMessages messages, ObjectProvider<InboundSmsHandler> handlers, NotificationSettings settings,
                      PlatformTransactionManager transactions, AuditTrail audit, Clock clock, MeterRegistry meters) {
        this.messages = messages;
        this.owners = owners(handlers.orderedStream().toList());
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        soon.shutdown();
    }

    /** Who owns which short number; two handlers claiming one number cannot both be right. */
    static Map<String, InboundSmsHandler> owners(List<InboundSmsHandler> handlers) {
        Map<String, InboundSmsHandler> owners = new HashMap<>();
        for (InboundSmsHandler handler : handlers) {
            for (String number : handler.shortNumbers()) {
                if (number == null || !number.matches("\\d{2,15}")) {
                    throw new IllegalStateException("Inbound SMS handler " + handler.getClass().getName()
                            + " claims an invalid short number: " + number);
                }
                InboundSmsHandler earlier = owners.putIfAbsent(number, handler);
                if (earlier != null) {
                    throw new IllegalStateException("Short number " + number + " is claimed by both "
                            + earlier.getClass().getName() + " and " + handler.getClass().getName());
                }
            }
        }
        return Map.copyOf(owners);
    }

    /**
     * Stores one mobile-originated deliver_sm, in a transaction that commits before the SMSC gets its
     * answer: an SMSC that gets no answer sends it again, one that got one may forget it.
     */
    void receive(InboundPdu pdu) {
        Optional<Inbound> stored = transaction.execute(s -> {
            Optional<Inbound> message = messages.store(pdu, OffsetDateTime.now(clock));
            message.ifPresent(m -> audit.record((m.status() == Status.FAILED
                    ? AuditEvent.failure("notifications.inbound.received", "inbound_sms", String.valueOf(m.id()))
                    : AuditEvent.success("notifications.inbound.received", "inbound_sms", String.valueOf(m.id())))
                    .withActorLogin("smsc").withDetails(details(m))));
            return message;
        });
        count(pdu.part() == null ? "received" : "part_received");
        stored.ifPresent(m -> {
            if (m.status() == Status.FAILED) {
                log.warn("Inbound SMS {} to {} kept unread: {}", m.id(), m.shortNumber(), m.failureReason());
                count("unreadable");
            } else if (settings.deliver()) {
                soon.execute(() -> dispatch(m.id()));
            }
        });
    }

    @Scheduled(fixedDelayString = "${zasag.notifications.interval:5s}", initialDelayString = "${zasag.notifications.interval:5s}")
    void dispatchOnSchedule() {
        if (!settings.deliver()) {
            return;
        }
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Handing inbound SMS over failed; will try again", e);
        }
    }

    /** Hands over every message that is due now; returns how many were handed over or routed nowhere. */
    public int dispatchDue() {
        int settled = 0;
        List<Long> due;
        do {
            due = messages.due(OffsetDateTime.now(clock), BATCH);
            int before = settled;
            for (long id : due) {
                if (dispatch(id)) {
                    settled++;
                }
            }
            if (settled == before) {
                break; // everything due failed again or is held by another node
            }
        } while (due.size() == BATCH);
        return settled;
    }

    /** Hands one message to its owner, if it is still due and no other node holds it; true when settled. */
    boolean dispatch(long id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Inbound[] attempted = new Inbound[1];
        try {
            Status outcome = transaction.execute(s -> {
                Optional<Inbound> locked = messages.lockDue(id, now);
                if (locked.isEmpty()) {
                    return null;
                }
                Inbound m = locked.get();
                attempted[0] = m;
                InboundSmsHandler owner = owners.get(m.shortNumber());
                if (owner == null) {
                    messages.settle(id, Status.UNROUTED, now);
                    return Status.UNROUTED;
                }
                owner.handle(new InboundSms(m.id(), m.source(), m.shortNumber(), m.text(), m.receivedAt().toInstant()));
                messages.settle(id, Status.HANDLED, OffsetDateTime.now(clock));
                return Status.HANDLED;
            });
            if (outcome != null) {
                count(outcome.name().toLowerCase(Locale.ROOT));
            }
            return outcome != null;
        } catch (RuntimeException e) {
            Inbound m = attempted[0];
            if (m == null) {
                throw e; // the database, not the handler
            }
            int attempts = m.attempts() + 1;
            String reason = "handler_error: " + e.getClass().getSimpleName();
            OffsetDateTime next = attempts < settings.maxAttempts()
                    ? OffsetDateTime.now(clock).plus(settings.backoff(attempts)) : null;
            transaction.executeWithoutResult(s -> {
                if (messages.failed(id, reason, next, OffsetDateTime.now(clock)) && next == null) {
                    audit.record(AuditEvent.failure("notifications.inbound.failed", "inbound_sms", String.valueOf(id))
                            .withActorLogin("smsc").withDetails(Map.of("short_number", m.shortNumber(),
                                    "attempts", String.valueOf(attempts), "reason", reason)));
                }
            });
            log.warn("Inbound SMS {} to {}: handler failed (attempt {}){}", id, m.shortNumber(), attempts,
                    next == null ? ", giving up" : "; next at " + next, e);
            count(next == null ? "failed" : "retried");
            return false;
        }
    }

    private static Map<String, String> details(Inbound m) {
        Map<String, String> details = new HashMap<>();
        details.put("short_number", m.shortNumber());
        details.put("parts", String.valueOf(m.parts()));
        details.put("data_coding", String.format(Locale.ROOT, "0x%02x", m.dataCoding()));
        if (m.failureReason() != null) {
            details.put("reason", m.failureReason());
        }
        return details;
    }

    private void count(String outcome) {
        Counter.builder("zasag.notifications.inbound")
                .description("Inbound SMS received (whole or a part), unreadable, handled, unrouted, retried or failed")
                .tag("outcome", outcome).register(meters).increment();
    }
}
