package mn.zasag.notifications.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import mn.zasag.notifications.Channel;
import mn.zasag.notifications.NotificationStatus;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SMS over SMPP 3.4 (jSMPP), bound as a transceiver: submit_sm out, delivery receipts and inbound
 * (mobile-originated) SMS as deliver_sm in; the latter go to {@link InboundDispatcher}.
 * Cyrillic goes as UCS-2 (data_coding 0x08); a long text goes in parts joined by the sar_ TLVs, every part
 * asking for a receipt. The link is kept alive with enquire_link and bound again on the next send after
 * it is lost. Sends may run on several threads at once (the Deliverer's SMPP window): each waits for its
 * own submit_sm_resp while the others' submits are outstanding on the same link.
 */
@Component
class SmsGateway implements Gateway, MessageReceiverListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);

    /** ESME error codes worth another try later: the SMSC is busy, not refusing the message. */
    private static final Set<Integer> TRANSIENT = Set.of(SMPPConstant.STAT_ESME_RSYSERR, SMPPConstant.STAT_ESME_RMSGQFUL,
            SMPPConstant.STAT_ESME_RTHROTTLED, SMPPConstant.STAT_ESME_RSUBMITFAIL, SMPPConstant.STAT_ESME_RINVBNDSTS);

    private final NotificationSettings.Smpp smpp;
    private final SmsParts parts;
    private final Clock clock;
    private final MeterRegistry meters;
    private final InboundDispatcher inbound;
    private final boolean deliver;
    private SMPPSession session; // guarded by this

    SmsGateway(NotificationSettings settings, SmsParts parts, InboundDispatcher inbound, Clock clock, MeterRegistry meters) {
        this.smpp = settings.smpp();
        this.deliver = settings.deliver();
        this.parts = parts;
        this.inbound = inbound;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean configured() {
        return smpp.configured();
    }

    @Override
    public String send(Notification n) throws GatewayFailure {
        SmsText sms = SmsText.of(n.body());
        SMPPSession link = bound();
        short reference = (short) ThreadLocalRandom.current().nextInt(1, 65536);
        String last = null;
        for (int i = 0; i < sms.partCount(); i++) {
            OptionalParameter[] sar = sms.partCount() == 1 ? new OptionalParameter[0] : new OptionalParameter[]{
                    new OptionalParameter.Sar_msg_ref_num(reference),
                    new OptionalParameter.Sar_total_segments((byte) sms.partCount()),
                    new OptionalParameter.Sar_segment_seqnum((byte) (i + 1))};
            try {
                SubmitSmResult result = link.submitShortMessage("", sourceTon(), NumberingPlanIndicator.UNKNOWN,
                        smpp.sourceAddr(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                        n.recipient().replace("+", ""), new ESMClass(), (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                        new GeneralDataCoding(sms.encoding() == SmsText.Encoding.UCS2 ? Alphabet.ALPHA_UCS2 : Alphabet.ALPHA_DEFAULT),
                        (byte) 0, sms.bytes(i), sar);
                last = result.getMessageId();
                parts.accepted(n.id(), n.attempts(), i + 1, last, OffsetDateTime.now(clock));
            } catch (NegativeResponseException e) {
                String reason = String.format(Locale.ROOT, "smsc_refused_0x%02x", e.getCommandStatus());
                throw new GatewayFailure(TRANSIENT.contains(e.getCommandStatus()), reason, e);
            } catch (ResponseTimeoutException | IOException | InvalidResponseException e) {
                drop(link);
                throw new GatewayFailure(true, "smsc_unavailable", e);
            } catch (PDUException e) {
                throw new GatewayFailure(false, "sms_invalid_message", e);
            }
        }
        return last;
    }

    @Override
    public void sent(Notification n) {
        parts.settle(n.id(), OffsetDateTime.now(clock));
    }

    /**
     * Keeps the link bound even when nothing goes out, so that inbound SMS and receipts can come in; a lost
     * link is bound again within the interval.
     */
    @Scheduled(fixedDelayString = "${zasag.notifications.smpp.rebind-interval:30s}", initialDelayString = "${zasag.notifications.interval:5s}")
    void keepBound() {
        if (!deliver || !configured()) {
            return;
        }
        try {
            connect();
        } catch (GatewayFailure e) {
            log.warn("SMSC {}:{} not reachable ({}); will try again", smpp.host(), smpp.port(), e.getMessage());
        }
    }

    /** Binds now if not bound. */
    synchronized void connect() throws GatewayFailure {
        bound();
    }

    private TypeOfNumber sourceTon() {
        return smpp.sourceAddr() != null && smpp.sourceAddr().matches("\\d+") ? TypeOfNumber.UNKNOWN : TypeOfNumber.ALPHANUMERIC;
    }

    /** The bound session, binding (again) if there is none or the link was lost. */
    private synchronized SMPPSession bound() throws GatewayFailure {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        drop();
        SMPPSession fresh = new SMPPSession();
        fresh.setEnquireLinkTimer(30_000);
        fresh.setTransactionTimer(10_000);
        fresh.setMessageReceiverListener(this);
        try {
            fresh.connectAndBind(smpp.host(), smpp.port(), new BindParameter(BindType.BIND_TRX, smpp.systemId(),
                    smpp.password(), "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        } catch (IOException e) {
            fresh.close();
            throw new GatewayFailure(true, "smsc_unavailable", e);
        }
        log.info("Bound to SMSC {}:{} as {}", smpp.host(), smpp.port(), smpp.systemId());
        session = fresh;
        return fresh;
    }

    /** Closes this link if it is still the current one (another thread may have bound a new one since). */
    private synchronized void drop(SMPPSession link) {
        if (session == link) {
            drop();
        }
    }

    private synchronized void drop() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public void destroy() {
        SMPPSession current;
        synchronized (this) {
            current = session;
            session = null;
        }
        if (current != null && current.getSessionState().isBound()) {
            current.unbindAndClose();
        } else if (current != null) {
            current.close();
        }
    }

    /** A delivery receipt: the part it names is delivered or not, and the notification follows its parts. */
    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        if (!deliverSm.isSmscDeliveryReceipt()) {
            try {
                inbound.receive(InboundPdu.of(deliverSm));
            } catch (RuntimeException e) {
                // not stored: answer with a temporary error, so that the SMSC delivers it again later
                log.warn("Inbound SMS could not be stored; the SMSC will retry", e);
                throw new ProcessRequestException("inbound SMS not stored", SMPPConstant.STAT_ESME_RX_T_APPN);
            }
            return;
        }
        DeliveryReceipt receipt;
        try {
            receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        } catch (InvalidDeliveryReceiptException e) {
            log.warn("Unreadable delivery receipt ignored", e);
            return;
        }
        DeliveryReceiptState state = receipt.getFinalStatus();
        if (state == DeliveryReceiptState.ENROUTE || state == DeliveryReceiptState.ACCEPTD || state == DeliveryReceiptState.UNKNOWN) {
            return;
        }
        boolean delivered = state == DeliveryReceiptState.DELIVRD;
        String reason = delivered ? null : "sms_" + state.name().toLowerCase(Locale.ROOT)
                + (receipt.getError() == null || receipt.getError().isBlank() ? "" : "_err_" + receipt.getError());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<UUID> notification = parts.receipt(receipt.getId(), delivered, reason, now);
        if (notification.isEmpty()) {
            log.info("Delivery receipt for unknown SMSC message {} ignored", receipt.getId());
            return;
        }
        parts.settle(notification.get(), now).ifPresent(status -> Counter.builder("zasag.notifications.sent")
                .tag("channel", "sms").tag("outcome", status == NotificationStatus.DELIVERED ? "delivered" : "undelivered")
                .register(meters).increment());
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // only for SMSCs that queue for absent handsets; nothing to do
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
