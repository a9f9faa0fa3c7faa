package mn.zasag.notifications.internal;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMSC for tests, built on jSMPP's server side: accepts transceiver binds with one system id and
 * password, records every submit_sm, answers with its own message ids, and sends delivery receipts
 * (deliver_sm) back on request. It can refuse the next submit with an ESME error code, and drop every
 * link as a network failure would.
 */
final class SmscSimulator implements ServerMessageReceiverListener, AutoCloseable {

    /** One submit_sm as the SMSC received it. */
    record Submitted(String messageId, String source, byte destTon, String destination, byte dataCoding,
                     byte registeredDelivery, byte[] shortMessage, Short sarReference, Byte sarTotal, Byte sarSeq) {

        String text() {
            return dataCoding == 0x08 ? new String(shortMessage, StandardCharsets.UTF_16BE)
                    : new String(shortMessage, StandardCharsets.ISO_8859_1);
        }
    }

    private final SMPPServerSessionListener listener;
    private final String systemId;
    private final String password;
    private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final Map<String, SMPPServerSession> sessionOf = new ConcurrentHashMap<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final AtomicInteger binds = new AtomicInteger();
    private volatile Integer refuseNextWith;
    private volatile boolean running = true;
    private volatile long holdResponsesMillis;
    private volatile boolean record = true;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger maxOutstanding = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();

    SmscSimulator(int port, String systemId, String password) throws IOException {
        this.systemId = systemId;
        this.password = password;
        this.listener = new SMPPServerSessionListener(port);
        this.listener.setMessageReceiverListener(this);
        this.listener.setPduProcessorDegree(16); // answer many outstanding submits at once, as an SMSC does
        Thread acceptor = new Thread(this::acceptLoop, "smsc-simulator");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                BindRequest bind = session.waitForBind(5_000);
                if (systemId.equals(bind.getSystemId()) && password.equals(bind.getPassword())) {
                    bind.accept("zasag-sim");
                    // the ESME answers a deliver_sm after its database work: on a loaded test machine that
                    // can take longer than jSMPP's default 2 s
                    session.setTransactionTimer(15_000);
                    sessions.add(session);
                    binds.incrementAndGet();
                } else {
                    bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    List<Submitted> submitted() {
        return List.copyOf(submitted);
    }

    int binds() {
        return binds.get();
    }

    void clear() {
        submitted.clear();
        maxOutstanding.set(0);
    }

    /** Holds every submit_sm this long before answering, as a loaded SMSC does (0: answer at once). */
    void holdResponses(long millis) {
        holdResponsesMillis = millis;
    }

    /** Keep no list of what was submitted (only the count), for long benchmark runs. */
    void recordSubmits(boolean on) {
        record = on;
    }

    /** The most submit_sm that were waiting for their response at one time since {@link #clear()}. */
    int maxOutstanding() {
        return maxOutstanding.get();
    }

    /** Every submit_sm accepted since start. */
    long accepted() {
        return accepted.get();
    }

    void refuseNextSubmitWith(int commandStatus) {
        refuseNextWith = commandStatus;
    }

    /** Every bound link breaks, as when the network between ESME and SMSC fails. */
    void dropLinks() {
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    /** Sends the delivery receipt of one accepted message back on the link it came in on. */
    void sendReceipt(Submitted message, DeliveryReceiptState state, String error) throws Exception {
        DeliveryReceipt receipt = new DeliveryReceipt(message.messageId(), 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                new Date(), new Date(), state, error, "");
        sessionOf.get(message.messageId()).deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                message.destination(), TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, message.source(),
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                receipt.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Sends a mobile-originated SMS (a deliver_sm that is not a receipt) on the newest bound link, as a
     * handset's message to a short number; returns when the ESME answered.
     */
    void sendMo(String from, String shortNumber, int dataCoding, byte[] shortMessage, int esmClass,
                OptionalParameter... tlvs) throws Exception {
        SMPPServerSession link = null;
        for (SMPPServerSession session : sessions) {
            if (session.getSessionState().isBound()) {
                link = session;
            }
        }
        if (link == null) {
            throw new IllegalStateException("no bound ESME");
        }
        link.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, shortNumber, new ESMClass((byte) esmClass),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), new org.jsmpp.bean.RawDataCoding((byte) dataCoding),
                shortMessage, tlvs);
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
        int now = outstanding.incrementAndGet();
        maxOutstanding.accumulateAndGet(now, Math::max);
        try {
            if (holdResponsesMillis > 0) {
                try {
                    Thread.sleep(holdResponsesMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return accept(submitSm, source);
        } finally {
            outstanding.decrementAndGet();
        }
    }

    private SubmitSmResult accept(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
        Integer refuse = refuseNextWith;
        if (refuse != null) {
            refuseNextWith = null;
            throw new ProcessRequestException("refused by the test", refuse);
        }
        String id = String.valueOf(ids.incrementAndGet());
        OptionalParameter.Sar_msg_ref_num ref = submitSm.getOptionalParameter(OptionalParameter.Sar_msg_ref_num.class);
        OptionalParameter.Sar_total_segments total = submitSm.getOptionalParameter(OptionalParameter.Sar_total_segments.class);
        OptionalParameter.Sar_segment_seqnum seq = submitSm.getOptionalParameter(OptionalParameter.Sar_segment_seqnum.class);
        accepted.incrementAndGet();
        if (!record) {
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
            }
        }
        submitted.add(new Submitted(id, submitSm.getSourceAddr(), submitSm.getDestAddrTon(), submitSm.getDestAddress(),
                submitSm.getDataCoding(), submitSm.getRegisteredDelivery(), submitSm.getShortMessage(),
                ref == null ? null : ref.getValue(), total == null ? null : total.getValue(), seq == null ? null : seq.getValue()));
        sessionOf.put(id, source);
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (org.jsmpp.PDUStringException e) {
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void close() throws IOException {
        running = false;
        dropLinks();
        listener.close();
    }
}
