package mn.zasag.feedback.internal;

import mn.zasag.feedback.CaseEvent;
import mn.zasag.feedback.CaseKind;
import mn.zasag.feedback.CaseStatus;
import mn.zasag.feedback.FeedbackCase;
import mn.zasag.feedback.HistoryEntry;
import mn.zasag.feedback.IntakeChannel;
import mn.zasag.feedback.NewCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Cases and their history in the {@code feedback} schema. */
@Repository
public class CaseStore {

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextNumber() {
        return jdbc.sql("select nextval('feedback.reference_number')").query(Long.class).single();
    }

    long insert(String reference, NewCase c, String agency, String office, CaseStatus status, OffsetDateTime at,
                OffsetDateTime due) {
        return jdbc.sql("""
                        insert into feedback.feedback_case (reference, kind, category, agency_code, division_code, latitude,
                            longitude, text, contact_name, contact_phone, contact_email, citizen_login, channel, language,
                            publish, status, received_at, due_at, source_key, updated_at, office_code)
                        values (:reference, :kind, :category, :agency, :division, :lat, :lon, :text, :name, :phone, :email,
                            :login, :channel, :language, :publish, :status, :at, :due, :source, :at, :office)
                        returning id""")
                .param("reference", reference).param("kind", c.kind().name()).param("category", c.category())
                .param("agency", agency).param("division", c.divisionCode()).param("lat", c.latitude())
                .param("lon", c.longitude()).param("text", c.text()).param("name", c.contactName())
                .param("phone", c.contactPhone()).param("email", c.contactEmail()).param("login", c.citizenLogin())
                .param("channel", c.channel().name()).param("language", c.language()).param("publish", c.publish())
                .param("status", status.name()).param("at", at).param("due", due).param("source", c.sourceKey())
                .param("office", office).query(Long.class).single();
    }

    void attach(long caseId, mn.zasag.feedback.Attachment a) {
        jdbc.sql("""
                        insert into feedback.attachment (case_id, file_name, content_type, size_bytes, content)
                        values (:case, :name, :type, :size, :content)""")
                .param("case", caseId).param("name", a.storedName())
                .param("type", a.baseType()).param("size", a.content().length).param("content", a.content()).update();
    }

    public record StoredAttachment(long id, String fileName, String contentType, int sizeBytes) {
    }

    /** One file of a case with its bytes, or empty when the case has no file with this id. */
    public Optional<mn.zasag.feedback.Attachment> attachment(long caseId, long attachmentId) {
        return jdbc.sql("select file_name, content_type, content from feedback.attachment where case_id = :case and id = :id")
                .param("case", caseId).param("id", attachmentId)
                .query((rs, n) -> new mn.zasag.feedback.Attachment(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content"))).optional();
    }

    public List<StoredAttachment> attachmentsOf(long caseId) {
        return jdbc.sql("select id, file_name, content_type, size_bytes from feedback.attachment where case_id = :id order by id")
                .param("id", caseId)
                .query((rs, n) -> new StoredAttachment(rs.getLong("id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size_bytes"))).list();
    }

    public Optional<FeedbackCase> find(String reference) {
        return jdbc.sql("select * from feedback.feedback_case where reference = :r").param("r", reference)
                .query(CaseStore::row).optional();
    }

    Optional<FeedbackCase> lock(String reference) {
        return jdbc.sql("select * from feedback.feedback_case where reference = :r for update").param("r", reference)
                .query(CaseStore::row).optional();
    }

    Optional<FeedbackCase> bySource(String sourceKey) {
        return jdbc.sql("select * from feedback.feedback_case where source_key = :s").param("s", sourceKey)
                .query(CaseStore::row).optional();
    }

    public List<FeedbackCase> ofAgency(String agency, Collection<String> statuses, int limit) {
        return jdbc.sql("""
                        select * from feedback.feedback_case where agency_code = :agency and status in (:statuses)
                        order by due_at, id limit :limit""")
                .param("agency", agency).param("statuses", statuses).param("limit", limit)
                .query(CaseStore::row).list();
    }

    /** The cases of one local office. */
    public List<FeedbackCase> ofOffice(String office, Collection<String> statuses, int limit) {
        return jdbc.sql("""
                        select * from feedback.feedback_case where office_code = :office and status in (:statuses)
                        order by due_at, id limit :limit""")
                .param("office", office).param("statuses", statuses).param("limit", limit)
                .query(CaseStore::row).list();
    }

    public List<FeedbackCase> inStatuses(Collection<String> statuses, int limit) {
        return jdbc.sql("select * from feedback.feedback_case where status in (:statuses) order by received_at desc, id desc limit :limit")
                .param("statuses", statuses).param("limit", limit).query(CaseStore::row).list();
    }

    public List<FeedbackCase> latest(int limit) {
        return jdbc.sql("select * from feedback.feedback_case order by id desc limit :limit")
                .param("limit", limit).query(CaseStore::row).list();
    }

    public List<FeedbackCase> ofCitizen(String login) {
        return jdbc.sql("select * from feedback.feedback_case where citizen_login = :login order by received_at desc, id desc limit 200")
                .param("login", login).query(CaseStore::row).list();
    }

    /**
     * Cases the public may see: the citizen allowed publication and an operator's (or the automatic)
     * redaction exists. Filters are optional (null); newest first.
     */
    public List<FeedbackCase> published(List<String> references, String category, OffsetDateTime from,
                                        OffsetDateTime to, Boolean open, int limit) {
        StringBuilder sql = new StringBuilder("select * from feedback.feedback_case where publish and public_text is not null");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (references != null && !references.isEmpty()) {
            sql.append(" and reference in (:refs)");
            params.put("refs", references);
        }
        if (category != null) {
            sql.append(" and category = :category");
            params.put("category", category);
        }
        if (from != null) {
            sql.append(" and received_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and received_at <= :to");
            params.put("to", to);
        }
        if (open != null) {
            sql.append(open ? " and status in (:statuses)" : " and status not in (:statuses)");
            params.put("statuses", CaseStatus.OPEN.stream().map(Enum::name).toList());
        }
        sql.append(" order by received_at desc, id desc limit :limit");
        params.put("limit", limit);
        var spec = jdbc.sql(sql.toString());
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(CaseStore::row).list();
    }

    List<FeedbackCase> dueBefore(OffsetDateTime before, boolean unwarnedOnly, boolean unescalatedOnly, int limit) {
        return jdbc.sql("select * from feedback.feedback_case where status in (:open) and due_at < :before"
                        + (unwarnedOnly ? " and warned_at is null" : "")
                        + (unescalatedOnly ? " and escalated_at is null" : "")
                        + " order by due_at limit :limit for update skip locked")
                .param("open", CaseStatus.OPEN.stream().map(Enum::name).toList())
                .param("before", before).param("limit", limit).query(CaseStore::row).list();
    }

    void update(long id, String sql, java.util.Map<String, ?> params) {
        var spec = jdbc.sql("update feedback.feedback_case set " + sql + " where id = :id").param("id", id);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.update();
    }

    void history(long caseId, OffsetDateTime at, CaseEvent event, CaseStatus from, CaseStatus to, String actor,
                 String agency, String office, String note) {
        jdbc.sql("""
                        insert into feedback.case_history (case_id, at, event, from_status, to_status, actor, agency_code,
                            office_code, note)
                        values (:case, :at, :event, :from, :to, :actor, :agency, :office, :note)""")
                .param("case", caseId).param("at", at).param("event", event.name())
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("actor", actor)
                .param("agency", agency).param("office", office).param("note", note).update();
    }

    public List<HistoryEntry> historyOf(long caseId) {
        return jdbc.sql("select * from feedback.case_history where case_id = :id order by id").param("id", caseId)
                .query((rs, n) -> new HistoryEntry(local(rs, "at"),
                        CaseEvent.valueOf(rs.getString("event")),
                        rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
                        CaseStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
                        rs.getString("agency_code"), rs.getString("note"), rs.getString("office_code")))
                .list();
    }

    static FeedbackCase row(ResultSet rs, int n) throws SQLException {
        return new FeedbackCase(rs.getLong("id"), rs.getString("reference"), CaseKind.valueOf(rs.getString("kind")),
                rs.getString("category"), rs.getString("agency_code"), rs.getString("division_code"),
                (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"), rs.getString("text"),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"),
                rs.getString("citizen_login"), IntakeChannel.valueOf(rs.getString("channel")), rs.getString("language"),
                rs.getBoolean("publish"), rs.getString("public_text"), CaseStatus.valueOf(rs.getString("status")),
                rs.getString("assigned_to"), local(rs, "received_at"),
                local(rs, "due_at"), rs.getString("extension_reason"), rs.getString("answer"),
                local(rs, "answered_at"), (Integer) rs.getObject("rating"),
                local(rs, "warned_at"), local(rs, "escalated_at"),
                local(rs, "updated_at"), rs.getString("office_code"));
    }

    private static final java.time.ZoneId MONGOLIA = java.time.ZoneId.of("Asia/Ulaanbaatar");

    /** Times as Mongolia reads them (UTC+8): pages print them as they are. */
    static OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(MONGOLIA).toOffsetDateTime();
    }
}
