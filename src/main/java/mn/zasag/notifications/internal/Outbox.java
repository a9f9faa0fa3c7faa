package mn.zasag.notifications.internal;

import mn.zasag.notifications.Channel;
import mn.zasag.notifications.NotificationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static mn.zasag.notifications.NotificationStatus.*;

/**
 * The outbox table. Rows are written in the caller's transaction; nodes claim due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so two nodes never claim the same row, and every later update names
 * the status it expects (see {@link NotificationStatus}) and the attempt it belongs to, so an update
 * from a node whose lease ran out changes nothing.
 */
@Repository
public class Outbox {

    private static final String COLUMNS = """
            id, caller, caller_reference, channel, recipient, kind, language, subject, body, sms_encoding, sms_parts,
            status, attempts, next_attempt_at, failure_reason, provider_id, created_at, updated_at, account_id""";

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a message unless the caller's reference is already recorded on this channel; the row's id either way. */
    public UUID record(Notification n) {
        int inserted = jdbc.sql("""
                        insert into notifications.notification (id, caller, caller_reference, channel, recipient, kind,
                            language, subject, body, sms_encoding, sms_parts, status, attempts, next_attempt_at,
                            failure_reason, created_at, updated_at, account_id)
                        values (:id, :caller, :ref, :channel, :recipient, :kind, :language, :subject, :body, :encoding,
                            :parts, :status, 0, :at, :reason, :at, :at, :account)
                        on conflict (caller, caller_reference, channel) do nothing""")
                .param("id", n.id()).param("caller", n.caller()).param("ref", n.callerReference())
                .param("channel", n.channel().name()).param("recipient", n.recipient()).param("kind", n.kind())
                .param("language", n.language()).param("subject", n.subject()).param("body", n.body())
                .param("encoding", n.smsEncoding()).param("parts", n.smsParts()).param("at", n.createdAt())
                .param("status", n.status() == THROTTLED ? THROTTLED.name() : CREATED.name())
                .param("reason", n.status() == THROTTLED ? n.failureReason() : null).param("account", n.accountId())
                .update();
        if (inserted == 1) {
            return n.id();
        }
        return jdbc.sql("select id from notifications.notification where caller = :caller and caller_reference = :ref and channel = :channel")
                .param("caller", n.caller()).param("ref", n.callerReference()).param("channel", n.channel().name())
                .query(UUID.class).single();
    }

    /**
     * Claims up to {@code limit} due rows for this node until {@code leaseUntil}: rows waiting for a
     * (re)try, and rows another node claimed but never finished (it crashed) once their lease ran out.
     * Must run in a short transaction of its own.
     */
    public List<Notification> claim(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        return jdbc.sql("""
                        update notifications.notification n
                        set status = 'SENDING', attempts = n.attempts + 1, lease_until = :lease, updated_at = :now
                        where n.id in (
                            select id from notifications.notification
                            where (status = 'CREATED' and next_attempt_at <= :now)
                               or (status = 'SENDING' and lease_until < :now)
                            order by next_attempt_at
                            limit :limit
                            for update skip locked)
                        returning """ + " " + COLUMNS)
                .param("now", now).param("lease", leaseUntil).param("limit", limit)
                .query(Outbox::row).list();
    }

    /** Moves a claimed row on, if it is still this attempt's claim. */
    public boolean finish(UUID id, int attempt, NotificationStatus next, String reason, String providerId,
                          OffsetDateTime nextAttemptAt, OffsetDateTime now) {
        if (!SENDING.canMoveTo(next)) {
            throw new IllegalStateException("SENDING -> " + next);
        }
        return jdbc.sql("""
                        update notifications.notification
                        set status = :next, failure_reason = :reason, provider_id = coalesce(:provider, provider_id),
                            next_attempt_at = coalesce(:nextAttempt, next_attempt_at), lease_until = null, updated_at = :now
                        where id = :id and status = 'SENDING' and attempts = :attempt""")
                .param("next", next.name()).param("reason", reason).param("provider", providerId)
                .param("nextAttempt", nextAttemptAt).param("now", now).param("id", id).param("attempt", attempt)
                .update() == 1;
    }

    /** Moves a row on after a receipt, only along the lifecycle (a late or repeated receipt changes nothing). */
    public boolean advance(UUID id, NotificationStatus next, String reason, OffsetDateTime now) {
        List<String> from = next.predecessors().stream().map(Enum::name).toList();
        return jdbc.sql("""
                        update notifications.notification
                        set status = :next, failure_reason = coalesce(:reason, failure_reason), updated_at = :now
                        where id = :id and status in (:from)""")
                .param("next", next.name()).param("reason", reason).param("now", now)
                .param("id", id).param("from", from)
                .update() == 1;
    }

    public Optional<Notification> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications.notification where id = :id")
                .param("id", id).query(Outbox::row).optional();
    }

    /**
     * What was sent to this account, newest first: only messages addressed to the account, never others
     * that merely went to the same address (people share mobile numbers).
     */
    public List<Notification> sentToAccount(long accountId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notifications.notification where account_id = :account"
                        + " order by created_at desc, id limit :limit")
                .param("account", accountId).param("limit", limit).query(Outbox::row).list();
    }

    /**
     * How many messages this address got on this channel since {@code since}, throttled ones aside, after
     * taking a lock on the address for the rest of the transaction, so that two concurrent sends to it
     * cannot both see room for one more.
     */
    public int recentTo(Channel channel, String recipient, OffsetDateTime since) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 11))")
                .param("key", channel.name() + "|" + recipient).query().singleRow();
        return jdbc.sql("""
                        select count(*) from notifications.notification
                        where recipient = :recipient and channel = :channel and created_at > :since and status <> 'THROTTLED'""")
                .param("recipient", recipient).param("channel", channel.name()).param("since", since)
                .query(Integer.class).single();
    }

    /** Newest first; every filter may be null. */
    public List<Notification> search(String recipient, NotificationStatus status, String kind, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from notifications.notification
                        where (cast(:recipient as text) is null or recipient = :recipient)
                          and (cast(:status as text) is null or status = :status)
                          and (cast(:kind as text) is null or kind = :kind)
                        order by created_at desc, id
                        limit :limit""")
                .param("recipient", recipient).param("status", status == null ? null : status.name())
                .param("kind", kind).param("limit", limit)
                .query(Outbox::row).list();
    }

    private static Notification row(ResultSet rs, int n) throws SQLException {
        return new Notification(rs.getObject("id", UUID.class), rs.getString("caller"), rs.getString("caller_reference"),
                Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("kind"),
                rs.getString("language"), rs.getString("subject"), rs.getString("body"), rs.getString("sms_encoding"),
                (Integer) rs.getObject("sms_parts"), NotificationStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class),
                rs.getString("failure_reason"), rs.getString("provider_id"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                (Long) rs.getObject("account_id"));
    }
}
