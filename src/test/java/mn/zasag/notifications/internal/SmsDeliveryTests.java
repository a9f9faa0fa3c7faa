package mn.zasag.notifications.internal;

import mn.zasag.ZasagTest;
import mn.zasag.notifications.CallerReference;
import mn.zasag.notifications.Language;
import mn.zasag.notifications.NotificationId;
import mn.zasag.notifications.NotificationStatus;
import mn.zasag.notifications.Notifications;
import mn.zasag.notifications.Recipient;
import mn.zasag.notifications.internal.SmscSimulator.Submitted;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SMS over SMPP 3.4 to the jSMPP SMSC simulator, and its delivery receipts back. */
@ZasagTest
class SmsDeliveryTests extends GatewaysContext {

    @Autowired
    Notifications notifications;
    @Autowired
    Deliverer deliverer;
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

    @BeforeEach
    void emptySmsc() {
        drain(deliverer);
        SMSC.clear();
    }

    private NotificationId send(String mobile, String name, Language language) {
        return notifications.send(Recipient.mobile(mobile), "account_registered", Map.of("name", name), language,
                new CallerReference("tests", UUID.randomUUID().toString())).get(0);
    }

    @Test
    void aLongCyrillicSmsReachesTheSmscAsUcs2PartsAndIsDeliveredWhenEveryPartIs() throws Exception {
        NotificationId id = send("9911 2233", "Оюунчимэг-Эрдэнэбилэг", Language.MN);
        String body = body(id);

        drain(deliverer);

        List<Submitted> parts = SMSC.submitted();
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.destination()).isEqualTo("97699112233");
            assertThat(part.destTon()).isEqualTo((byte) 1);
            assertThat(part.dataCoding()).isEqualTo((byte) 0x08);
            assertThat(part.registeredDelivery()).isEqualTo((byte) 1);
            assertThat(part.shortMessage().length).isLessThanOrEqualTo(134);
            assertThat(part.sarTotal()).isEqualTo((byte) parts.size());
            assertThat(part.sarReference()).isEqualTo(parts.get(0).sarReference());
        });
        assertThat(parts).extracting(Submitted::sarSeq).containsExactly(seq(parts.size()));
        assertThat(String.join("", parts.stream().map(Submitted::text).toList())).isEqualTo(body)
                .contains("Оюунчимэг-Эрдэнэбилэг");
        assertThat(notifications.status(id)).isEqualTo(NotificationStatus.SENT);

        SMSC.sendReceipt(parts.get(0), DeliveryReceiptState.DELIVRD, "000");
        assertThat(notifications.status(id)).as("one part of several delivered").isEqualTo(NotificationStatus.SENT);
        for (Submitted part : parts.subList(1, parts.size())) {
            SMSC.sendReceipt(part, DeliveryReceiptState.DELIVRD, "000");
        }

        assertThat(notifications.status(id)).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(meters.find("zasag.notifications.sent").tag("channel", "sms").tag("outcome", "delivered").counter().count())
                .isPositive();
    }

    @Test
    void aLatinSmsGoesAsOneGsm7MessageAndAnUndeliverableReceiptFailsItWithTheReason() throws Exception {
        NotificationId id = send("+976 8811 4455", "Bold", Language.EN);

        drain(deliverer);

        List<Submitted> parts = SMSC.submitted();
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).dataCoding()).isEqualTo((byte) 0x00);
        assertThat(parts.get(0).sarTotal()).isNull();
        assertThat(parts.get(0).text()).isEqualTo("Hello Bold, your Zasag account has been created.");

        SMSC.sendReceipt(parts.get(0), DeliveryReceiptState.UNDELIV, "001");

        assertThat(notifications.status(id)).isEqualTo(NotificationStatus.FAILED);
        assertThat(reason(id)).isEqualTo("sms_undeliv_err_001");
    }

    @Test
    void anSmscRefusalFailsTheMessageAndAThrottleIsRetriedLater() {
        SMSC.refuseNextSubmitWith(SMPPConstant.STAT_ESME_RINVDSTADR);
        NotificationId refused = send("99001100", "A", Language.EN);
        drain(deliverer);
        assertThat(notifications.status(refused)).isEqualTo(NotificationStatus.FAILED);
        assertThat(reason(refused)).isEqualTo("smsc_refused_0x0b");

        SMSC.refuseNextSubmitWith(SMPPConstant.STAT_ESME_RTHROTTLED);
        NotificationId throttled = send("99001101", "B", Language.EN);
        drain(deliverer);
        assertThat(notifications.status(throttled)).isEqualTo(NotificationStatus.CREATED);
        assertThat(reason(throttled)).isEqualTo("smsc_refused_0x58");

        drain(node(Clock.offset(clock, Duration.ofHours(1))));
        assertThat(notifications.status(throttled)).isEqualTo(NotificationStatus.SENT);
        assertThat(SMSC.submitted()).hasSize(1);
    }

    @Test
    void aLostLinkIsBoundAgainAndTheMessageStillGoesOutOnce() {
        send("99002200", "Before", Language.EN);
        drain(deliverer);
        int bindsBefore = SMSC.binds();

        SMSC.dropLinks();
        NotificationId after = send("99002201", "After", Language.EN);
        drain(deliverer);
        if (notifications.status(after) == NotificationStatus.CREATED) {
            // the link's loss was noticed only by this send: it is retried after the backoff
            drain(node(Clock.offset(clock, Duration.ofHours(1))));
        }

        assertThat(notifications.status(after)).isEqualTo(NotificationStatus.SENT);
        assertThat(SMSC.binds()).isGreaterThan(bindsBefore);
        assertThat(SMSC.submitted()).extracting(Submitted::destination).containsOnlyOnce("97699002201");
    }

    @Test
    void smsGoOutWithSeveralSubmitsOutstandingAtOnceAndTheirReceiptsStillFindThem() throws Exception {
        NotificationSettings windowed = new NotificationSettings(false, settings.retryBase(), settings.retryMax(),
                settings.maxAttempts(), settings.lease(), 12, 0, null, 4, 1, settings.smtp(), settings.smpp());
        Deliverer node = new Deliverer(outbox, List.of(new EmailGateway(windowed), sms), windowed, transactions, clock, meters);
        List<NotificationId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(send(String.format("9955%04d", i), "W" + i, Language.EN));
        }
        SMSC.holdResponses(150); // a loaded SMSC: without a window, each submit would wait for the previous one
        try {
            drain(node);
        } finally {
            SMSC.holdResponses(0);
        }

        assertThat(ids).extracting(notifications::status).containsOnly(NotificationStatus.SENT);
        assertThat(SMSC.submitted()).hasSize(12);
        assertThat(SMSC.maxOutstanding()).as("submits awaiting a response at once").isBetween(2, 4);

        for (Submitted part : SMSC.submitted()) {
            SMSC.sendReceipt(part, DeliveryReceiptState.DELIVRD, "000");
        }
        assertThat(ids).extracting(notifications::status).containsOnly(NotificationStatus.DELIVERED);
    }

    private Deliverer node(Clock nodeClock) {
        return new Deliverer(outbox, List.of(new EmailGateway(settings), sms), settings, transactions, nodeClock, meters);
    }

    private static Byte[] seq(int n) {
        Byte[] seq = new Byte[n];
        for (int i = 0; i < n; i++) {
            seq[i] = (byte) (i + 1);
        }
        return seq;
    }

    private String body(NotificationId id) {
        return jdbc.sql("select body from notifications.notification where id = :id").param("id", id.value())
                .query(String.class).single();
    }

    private String reason(NotificationId id) {
        return jdbc.sql("select failure_reason from notifications.notification where id = :id").param("id", id.value())
                .query(String.class).single();
    }
}
