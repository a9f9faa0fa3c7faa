package mn.zasag.notifications.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import mn.zasag.ZasagTest;
import mn.zasag.notifications.CallerReference;
import mn.zasag.notifications.Language;
import mn.zasag.notifications.NotificationId;
import mn.zasag.notifications.NotificationStatus;
import mn.zasag.notifications.Notifications;
import mn.zasag.notifications.Recipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Email delivery against a real SMTP server in the test JVM (GreenMail). */
@ZasagTest
class EmailDeliveryTests extends GatewaysContext {

    @Autowired
    Notifications notifications;
    @Autowired
    Deliverer deliverer;
    @Autowired
    Outbox outbox;
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
    @Autowired
    SmsGateway sms;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        drain(deliverer);
        SMTP.purgeEmailFromAllMailboxes();
    }

    private NotificationId send(String email, String name) {
        return notifications.send(Recipient.email(email), "account_registered", Map.of("name", name), Language.MN,
                new CallerReference("tests", UUID.randomUUID().toString())).get(0);
    }

    @Test
    void theSmtpServerReceivesTheMessageWithCyrillicSubjectAndBodyIntact() throws Exception {
        NotificationId id = send("saraa@example.mn", "Сараа-Өлзий");

        drain(deliverer);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Засаг: бүртгэл үүслээ");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("saraa@example.mn");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("noreply@zasag.test");
        assertThat((String) mail.getContent()).contains("Сайн байна уу, Сараа-Өлзий.").doesNotContain("{");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(mail.getMessageID()).isEqualTo("<" + id + "@zasag>");
        assertThat(notifications.status(id)).isEqualTo(NotificationStatus.SENT);
        assertThat(meters.find("zasag.notifications.sent").tag("channel", "email").tag("outcome", "sent").counter().count())
                .isPositive();
    }

    @Test
    void aDeliveredMessageIsNeverSentAgainByALaterRunOrARestartedNode() throws Exception {
        send("once@example.mn", "Нэг");

        drain(deliverer);
        drain(deliverer);
        drain(anotherNode(clock));

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void messagesCommittedWhileNoNodeWasDeliveringAreDeliveredExactlyOnceAfterARestart() throws Exception {
        // this context's scheduled deliverer is off: the rows wait in the outbox as after a crash
        List<NotificationId> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(send("restart" + i + "@example.mn", "Дахин" + i));
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        drain(anotherNode(clock));

        assertThat(SMTP.getReceivedMessages()).hasSize(4);
        assertThat(ids).allSatisfy(id -> assertThat(notifications.status(id)).isEqualTo(NotificationStatus.SENT));
    }

    @Test
    void severalNodesDeliveringAtOnceSendEachMessageExactlyOnce() throws Exception {
        int messages = 15;
        for (int i = 0; i < messages; i++) {
            send("many" + i + "@example.mn", "Олон" + i);
        }
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                Deliverer node = anotherNode(clock);
                runs.add(pool.submit(() -> {
                    start.await();
                    drain(node);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(messages);
        List<String> messageIds = new ArrayList<>();
        for (MimeMessage m : received) {
            messageIds.add(m.getMessageID());
        }
        assertThat(messageIds).doesNotHaveDuplicates();
    }

    @Test
    void aMessageClaimedByANodeThatDiedIsDeliveredOnceItsLeaseRunsOutAndNotBefore() throws Exception {
        NotificationId id = send("lease@example.mn", "Түрээс");
        OffsetDateTime now = OffsetDateTime.now(clock);
        new TransactionTemplate(transactions).executeWithoutResult(s -> outbox.claim(now, now.plusMinutes(5), 100));

        drain(deliverer);
        assertThat(SMTP.getReceivedMessages()).as("while the dead node's lease lasts").isEmpty();
        assertThat(notifications.status(id)).isEqualTo(NotificationStatus.SENDING);

        drain(anotherNode(Clock.offset(clock, Duration.ofMinutes(6))));

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(notifications.status(id)).isEqualTo(NotificationStatus.SENT);
        assertThat(attempts(id)).isEqualTo(2);
    }

    @Test
    void aNodeRunningPastHalfItsLeaseGivesTheRestOfItsBatchBackUnsent() throws Exception {
        NotificationId first = send("slow1@example.mn", "Удаан");
        NotificationId second = send("slow2@example.mn", "Удаан");
        // every reading of this node's clock is three minutes later: it is past half its 5-minute lease at once
        Clock slow = new Clock() {
            private final java.util.concurrent.atomic.AtomicLong readings = new java.util.concurrent.atomic.AtomicLong();

            @Override
            public java.time.ZoneId getZone() {
                return clock.getZone();
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return clock.instant().plus(Duration.ofMinutes(3).multipliedBy(readings.getAndIncrement()));
            }
        };

        node(settings, slow).deliverDue();

        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(List.of(first, second)).allSatisfy(id -> assertThat(notifications.status(id)).isEqualTo(NotificationStatus.CREATED));
        drain(deliverer);
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    @Test
    void anUnreachableSmtpServerIsRetriedWithBackoffThenFailsWithAReason() throws Exception {
        NotificationSettings unreachable = new NotificationSettings(false, Duration.ofMinutes(1), Duration.ofHours(1), 2,
                Duration.ofMinutes(5), 10, 0, null, 1, 1, new NotificationSettings.Smtp("127.0.0.1", freePort(), null, null,
                "noreply@zasag.test", false), null);
        NotificationId id = send("down@example.mn", "Унтарсан");
        OffsetDateTime before = OffsetDateTime.now(clock);

        drain(node(unreachable, clock));

        var row = jdbc.sql("select status, attempts, failure_reason, next_attempt_at from notifications.notification where id = :id")
                .param("id", id.value()).query().singleRow();
        assertThat(row.get("status")).isEqualTo("CREATED");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("failure_reason")).isEqualTo("smtp_unavailable");
        assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant())
                .isAfterOrEqualTo(before.plusMinutes(1).toInstant());

        drain(node(unreachable, Clock.offset(clock, Duration.ofMinutes(2))));

        assertThat(notifications.status(id)).isEqualTo(NotificationStatus.FAILED);
        assertThat(jdbc.sql("select failure_reason from notifications.notification where id = :id")
                .param("id", id.value()).query(String.class).single()).isEqualTo("smtp_unavailable: out of attempts");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void backoffDoublesPerAttemptUpToTheMaximum() {
        NotificationSettings s = new NotificationSettings(true, Duration.ofSeconds(30), Duration.ofMinutes(10), 8,
                null, 0, 0, null, 0, 0, null, null);

        assertThat(Arrays.asList(s.backoff(1), s.backoff(2), s.backoff(3), s.backoff(6), s.backoff(30)))
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                        Duration.ofMinutes(10), Duration.ofMinutes(10));
    }

    /** Another node of the cluster: its own deliverer and gateway, the same database. */
    private Deliverer anotherNode(Clock nodeClock) {
        return node(settings, nodeClock);
    }

    private Deliverer node(NotificationSettings nodeSettings, Clock nodeClock) {
        return new Deliverer(outbox, List.of(new EmailGateway(nodeSettings), sms), nodeSettings, transactions, nodeClock, meters);
    }

    private int attempts(NotificationId id) {
        return jdbc.sql("select attempts from notifications.notification where id = :id").param("id", id.value())
                .query(Integer.class).single();
    }
}
