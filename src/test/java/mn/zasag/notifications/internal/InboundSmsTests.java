package mn.zasag.notifications.internal;

import mn.zasag.ZasagTest;
import mn.zasag.notifications.InboundSms;
import mn.zasag.notifications.InboundSmsHandler;
import mn.zasag.notifications.internal.InboundMessages.Inbound;
import mn.zasag.notifications.internal.InboundMessages.Status;
import io.micrometer.core.instrument.MeterRegistry;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mobile-originated SMS from the SMSC simulator, over the real SMPP link, to the short number's owner. */
@ZasagTest
class InboundSmsTests extends GatewaysContext {

    @Autowired
    SmsGateway sms;
    @Autowired
    InboundDispatcher dispatcher;
    @Autowired
    InboundMessages messages;
    @Autowired
    TestShortNumberHandler handler;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    String sender;

    @BeforeEach
    void bind() throws Exception {
        sms.connect();
        dispatcher.dispatchDue(); // whatever earlier tests left due
        sender = "9" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
    }

    @Test
    void aGsmMessageToAnOwnedNumberIsStoredThenHandedToItsOwnerExactlyOnce() throws Exception {
        SMSC.sendMo("976" + sender, NUMBER(), 0x00, septets("Hello 11-11, the lamp at 5th street is out"), 0);

        Inbound stored = latestFrom("+976" + sender);
        assertThat(stored.status()).isEqualTo(Status.RECEIVED);
        assertThat(stored.shortNumber()).isEqualTo(NUMBER());
        assertThat(stored.text()).isEqualTo("Hello 11-11, the lamp at 5th street is out");

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(messages.find(stored.id()).orElseThrow().status()).isEqualTo(Status.HANDLED);
        List<InboundSms> calls = handler.callsFor(stored.id());
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).from()).isEqualTo("+976" + sender);
        assertThat(calls.get(0).text()).isEqualTo(stored.text());
        assertThat(handler.committedWrites(stored.id())).isEqualTo(1);
        assertThat(meters.find("zasag.notifications.inbound").tag("outcome", "handled").counter().count()).isPositive();
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'notifications.inbound.received' and object_id = :id")
                .param("id", String.valueOf(stored.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMultipartUcs2MessageIsReassembledFromUdhPartsArrivingOutOfOrder() throws Exception {
        String text = "Сайн байна уу. Манай гудамжны гэрэл гурав хоног асахгүй байна, засаж өгнө үү. Баянзүрх дүүрэг, 8-р хороо 🙂";
        byte[] ucs2 = text.getBytes(StandardCharsets.UTF_16BE);
        int split = 134; // 67 characters, as a handset splits
        byte[] first = Arrays.copyOfRange(ucs2, 0, split);
        byte[] second = Arrays.copyOfRange(ucs2, split, ucs2.length);
        int reference = ThreadLocalRandom.current().nextInt(256);

        SMSC.sendMo("976" + sender, NUMBER(), 0x08, udh(reference, 2, 2, second), 0x40);
        assertThat(messages.search(null, NUMBER(), 100)).noneMatch(m -> m.source().equals("+976" + sender));
        SMSC.sendMo("976" + sender, NUMBER(), 0x08, udh(reference, 2, 1, first), 0x40);
        SMSC.sendMo("976" + sender, NUMBER(), 0x08, udh(reference, 2, 1, first), 0x40); // the SMSC repeats a part

        Inbound stored = latestFrom("+976" + sender);
        assertThat(stored.text()).isEqualTo(text);
        assertThat(stored.parts()).isEqualTo(2);
        assertThat(messages.search(null, NUMBER(), 100)).filteredOn(m -> m.source().equals("+976" + sender)).hasSize(1);

        dispatcher.dispatchDue();
        assertThat(handler.callsFor(stored.id())).extracting(InboundSms::text).containsExactly(text);
    }

    @Test
    void partsJoinedBySarTlvsAreReassembledToo() throws Exception {
        SMSC.sendMo("976" + sender, NUMBER(), 0x00, septets("first half, "), 0,
                new OptionalParameter.Sar_msg_ref_num((short) 4242), new OptionalParameter.Sar_total_segments((byte) 2),
                new OptionalParameter.Sar_segment_seqnum((byte) 1));
        SMSC.sendMo("976" + sender, NUMBER(), 0x00, septets("second half {ok}"), 0,
                new OptionalParameter.Sar_msg_ref_num((short) 4242), new OptionalParameter.Sar_total_segments((byte) 2),
                new OptionalParameter.Sar_segment_seqnum((byte) 2));

        assertThat(latestFrom("+976" + sender).text()).isEqualTo("first half, second half {ok}");
    }

    @Test
    void anUnknownDataCodingIsKeptWithItsReasonAndNotHandedOver() throws Exception {
        SMSC.sendMo("976" + sender, NUMBER(), 0x05, new byte[]{0x1B, 0x24, 0x42}, 0);

        Inbound stored = latestFrom("+976" + sender);
        assertThat(stored.status()).isEqualTo(Status.FAILED);
        assertThat(stored.text()).isNull();
        assertThat(stored.failureReason()).isEqualTo("inbound_data_coding_0x05");
        assertThat(jdbc.sql("select raw from notifications.inbound_sms where id = :id").param("id", stored.id())
                .query(byte[].class).single()).containsExactly(0x1B, 0x24, 0x42);

        dispatcher.dispatchDue();
        assertThat(handler.callsFor(stored.id())).isEmpty();
    }

    @Test
    void aMessageToANumberNobodyOwnsIsUnrouted() throws Exception {
        SMSC.sendMo("976" + sender, "140000", 0x00, septets("anyone?"), 0);
        Inbound stored = latestFrom("+976" + sender);

        dispatcher.dispatchDue();

        assertThat(messages.find(stored.id()).orElseThrow().status()).isEqualTo(Status.UNROUTED);
    }

    @Test
    void aFailingHandlerIsRetriedLaterAndItsWorkCommitsOnlyWithTheSuccess() throws Exception {
        SMSC.sendMo("976" + sender, NUMBER(), 0x00, septets("fail-once please"), 0);
        Inbound stored = latestFrom("+976" + sender);

        dispatcher.dispatchDue();

        Inbound afterFailure = messages.find(stored.id()).orElseThrow();
        assertThat(afterFailure.status()).isEqualTo(Status.RECEIVED);
        assertThat(afterFailure.attempts()).isEqualTo(1);
        assertThat(afterFailure.failureReason()).isEqualTo("handler_error: IllegalStateException");
        assertThat(afterFailure.nextAttemptAt()).isAfter(stored.nextAttemptAt());
        assertThat(handler.committedWrites(stored.id())).as("the failed call's write rolled back").isZero();

        dispatcher.dispatchDue();
        assertThat(handler.callsFor(stored.id())).as("not due yet: backoff").hasSize(1);

        makeDue(stored.id());
        dispatcher.dispatchDue();

        Inbound handled = messages.find(stored.id()).orElseThrow();
        assertThat(handled.status()).isEqualTo(Status.HANDLED);
        assertThat(handled.attempts()).isEqualTo(2);
        assertThat(handler.callsFor(stored.id())).hasSize(2);
        assertThat(handler.committedWrites(stored.id())).isEqualTo(1);
    }

    @Test
    void aHandlerThatAlwaysFailsLeavesTheMessageFailedAfterTheLastAttempt() throws Exception {
        SMSC.sendMo("976" + sender, NUMBER(), 0x00, septets("fail-always"), 0);
        Inbound stored = latestFrom("+976" + sender);

        for (int i = 0; i < 20 && messages.find(stored.id()).orElseThrow().status() == Status.RECEIVED; i++) {
            makeDue(stored.id());
            dispatcher.dispatchDue();
        }

        Inbound failed = messages.find(stored.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(8);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'notifications.inbound.failed' and object_id = :id")
                .param("id", String.valueOf(stored.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoHandlersOwningOneNumberIsAnError() {
        InboundSmsHandler one = handler("141111");
        InboundSmsHandler other = handler("141111", "141112");

        assertThatThrownBy(() -> InboundDispatcher.owners(List.of(one, other)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("141111");
        assertThatThrownBy(() -> InboundDispatcher.owners(List.of(handler("11-11"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(InboundDispatcher.owners(List.of(one, handler("141112")))).containsOnlyKeys("141111", "141112");
    }

    private static InboundSmsHandler handler(String... numbers) {
        return new InboundSmsHandler() {
            @Override
            public Set<String> shortNumbers() {
                return Set.of(numbers);
            }

            @Override
            public void handle(InboundSms sms) {
            }
        };
    }

    private static String NUMBER() {
        return TestShortNumberHandler.NUMBER;
    }

    private void makeDue(long id) {
        jdbc.sql("update notifications.inbound_sms set next_attempt_at = now() - interval '1 second' where id = :id")
                .param("id", id).update();
    }

    private Inbound latestFrom(String source) {
        return messages.search(null, null, 100).stream().filter(m -> m.source().equals(source)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing stored from " + source));
    }

    /** GSM 03.38 septets, one per byte, for the ASCII letters, digits and punctuation used here. */
    private static byte[] septets(String text) {
        SmsText sms = SmsText.of(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < sms.partCount(); i++) {
            out.writeBytes(sms.bytes(i));
        }
        return out.toByteArray();
    }

    private static byte[] udh(int reference, int total, int seq, byte[] payload) {
        byte[] message = new byte[6 + payload.length];
        message[0] = 5;
        message[1] = 0;
        message[2] = 3;
        message[3] = (byte) reference;
        message[4] = (byte) total;
        message[5] = (byte) seq;
        System.arraycopy(payload, 0, message, 6, payload.length);
        return message;
    }
}
