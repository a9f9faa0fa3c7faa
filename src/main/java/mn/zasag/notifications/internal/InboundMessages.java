package mn.zasag.notifications.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.ByteArrayOutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The table of inbound SMS and the parts of concatenated ones not yet complete. Parts of one message are
 * serialised by an advisory lock on their key, so the part that completes a message is seen as the last
 * one by exactly one transaction even when parts arrive on several threads at once.
 */
@Repository
public class InboundMessages {

    /** Statuses of an inbound SMS. */
    public enum Status { RECEIVED, HANDLED, UNROUTED, FAILED }

    /** One stored inbound SMS. {@code text} is null when its data_coding could not be read. */
    public record Inbound(long id, String source, String shortNumber, int dataCoding, String text, int parts,
                          Status status, int attempts, OffsetDateTime nextAttemptAt, String failureReason,
                          OffsetDateTime receivedAt, OffsetDateTime handledAt) {
    }

    private static final String COLUMNS = """
            id, source, short_number, data_coding, text, parts, status, attempts, next_attempt_at, failure_reason,
            received_at, handled_at""";

    private final JdbcClient jdbc;

    InboundMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores one deliver_sm: a whole message at once, a part until its message is complete. Must run in a
     * transaction. Returns the stored message, when this PDU made one.
     */
    Optional<Inbound> store(InboundPdu pdu, OffsetDateTime now) {
        if (pdu.part() == null) {
            return Optional.of(insert(pdu.source(), pdu.shortNumber(), pdu.dataCoding(), pdu.payload(), 1, now));
        }
        InboundPdu.Concatenation part = pdu.part();
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 7))")
                .param("key", pdu.source() + "|" + pdu.shortNumber() + "|" + part.reference() + "|" + part.total())
                .query().singleRow();
        jdbc.sql("""
                        insert into notifications.inbound_sms_part (source, short_number, reference, total, seq, data_coding,
                            payload, received_at)
                        values (:source, :short, :ref, :total, :seq, :coding, :payload, :now)
                        on conflict do nothing""")
                .param("source", pdu.source()).param("short", pdu.shortNumber()).param("ref", part.reference())
                .param("total", part.total()).param("seq", part.seq()).param("coding", pdu.dataCoding())
                .param("payload", pdu.payload()).param("now", now).update();
        List<byte[]> payloads = jdbc.sql("""
                        select payload from notifications.inbound_sms_part
                        where source = :source and short_number = :short and reference = :ref and total = :total
                        order by seq""")
                .param("source", pdu.source()).param("short", pdu.shortNumber()).param("ref", part.reference())
                .param("total", part.total()).query(byte[].class).list();
        if (payloads.size() < part.total()) {
            return Optional.empty();
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        payloads.forEach(whole::writeBytes);
        jdbc.sql("""
                        delete from notifications.inbound_sms_part
                        where source = :source and short_number = :short and reference = :ref and total = :total""")
                .param("source", pdu.source()).param("short", pdu.shortNumber()).param("ref", part.reference())
                .param("total", part.total()).update();
        // the first part's coding is the message's: an SMSC sends every part in the same one
        return Optional.of(insert(pdu.source(), pdu.shortNumber(), pdu.dataCoding(), whole.toByteArray(), part.total(), now));
    }

    private Inbound insert(String source, String shortNumber, int dataCoding, byte[] payload, int parts, OffsetDateTime now) {
        Optional<String> text = InboundPdu.decode(dataCoding, payload);
        Status status = text.isPresent() ? Status.RECEIVED : Status.FAILED;
        return jdbc.sql("""
                        insert into notifications.inbound_sms (source, short_number, data_coding, text, raw, parts, status,
                            attempts, next_attempt_at, failure_reason, received_at, updated_at)
                        values (:source, :short, :coding, :text, :raw, :parts, :status, 0, :now, :reason, :now, :now)
                        returning""" + " " + COLUMNS)
                .param("source", source).param("short", shortNumber).param("coding", dataCoding)
                .param("text", text.orElse(null)).param("raw", text.isPresent() ? null : payload).param("parts", parts)
                .param("status", status.name())
                .param("reason", text.isPresent() ? null : InboundPdu.unreadableReason(dataCoding))
                .param("now", now).query(InboundMessages::row).single();
    }

    /** Ids of messages waiting to be handed over, oldest first. */
    List<Long> due(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                        select id from notifications.inbound_sms where status = 'RECEIVED' and next_attempt_at <= :now
                        order by next_attempt_at, id limit :limit""")
                .param("now", now).param("limit", limit).query(Long.class).list();
    }

    /** Locks one waiting message for this transaction, unless another node holds it or it moved on. */
    Optional<Inbound> lockDue(long id, OffsetDateTime now) {
        return jdbc.sql("select " + COLUMNS + """
                         from notifications.inbound_sms
                        where id = :id and status = 'RECEIVED' and next_attempt_at <= :now
                        for update skip locked""")
                .param("id", id).param("now", now).query(InboundMessages::row).optional();
    }

    /** Moves a locked message on: HANDLED or UNROUTED, in the transaction that locked it. */
    void settle(long id, Status status, OffsetDateTime now) {
        jdbc.sql("""
                        update notifications.inbound_sms set status = :status, attempts = attempts + 1,
                            handled_at = case when :status = 'HANDLED' then cast(:now as timestamptz) end,
                            failure_reason = null, updated_at = :now
                        where id = :id and status = 'RECEIVED'""")
                .param("status", status.name()).param("now", now).param("id", id).update();
    }

    /** A failed hand-over: tried again at {@code next}, or FAILED when {@code next} is null. */
    boolean failed(long id, String reason, OffsetDateTime next, OffsetDateTime now) {
        return jdbc.sql("""
                        update notifications.inbound_sms set attempts = attempts + 1, failure_reason = :reason,
                            status = case when cast(:next as timestamptz) is null then 'FAILED' else 'RECEIVED' end,
                            next_attempt_at = coalesce(cast(:next as timestamptz), next_attempt_at), updated_at = :now
                        where id = :id and status = 'RECEIVED'""")
                .param("reason", reason).param("next", next).param("now", now).param("id", id).update() == 1;
    }

    public Optional<Inbound> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from notifications.inbound_sms where id = :id")
                .param("id", id).query(InboundMessages::row).optional();
    }

    /** Newest first; each filter may be null. */
    public List<Inbound> search(Status status, String shortNumber, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from notifications.inbound_sms
                        where (cast(:status as text) is null or status = :status)
                          and (cast(:short as text) is null or short_number = :short)
                        order by received_at desc, id desc limit :limit""")
                .param("status", status == null ? null : status.name()).param("short", shortNumber)
                .param("limit", limit).query(InboundMessages::row).list();
    }

    private static Inbound row(ResultSet rs, int n) throws SQLException {
        return new Inbound(rs.getLong("id"), rs.getString("source"), rs.getString("short_number"),
                rs.getInt("data_coding"), rs.getString("text"), rs.getInt("parts"), Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class),
                rs.getString("failure_reason"), rs.getObject("received_at", OffsetDateTime.class),
                rs.getObject("handled_at", OffsetDateTime.class));
    }
}
