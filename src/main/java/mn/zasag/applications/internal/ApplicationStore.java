package mn.zasag.applications.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The applications' tables. Callers hold the transaction. */
@Repository
public class ApplicationStore {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApplicationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    String json(Map<String, String> map) {
        return json.writeValueAsString(map);
    }

    private Map<String, String> map(String text) {
        return text == null ? new LinkedHashMap<>() : json.readValue(text, MAP);
    }

    long nextNumber() {
        return jdbc.sql("select nextval('applications.reference_seq')").query(Long.class).single();
    }

    Application create(String reference, FormDefinition form, String agency, String applicant, long account, String channel,
                       String language, Map<String, String> answers, Map<String, String> prefilled, Map<String, String> notes) {
        jdbc.sql("""
                insert into applications.application (reference, form_id, form_version, service_code, agency_code, applicant,
                    applicant_account, channel, state, language, answers, prefilled, prefill_notes, submit_token)
                values (:ref, :form, :version, :service, :agency, :applicant, :account, :channel, 'draft', :lang,
                    cast(:answers as jsonb), cast(:prefilled as jsonb), cast(:notes as jsonb), :token)
                """)
                .param("ref", reference).param("form", form.id()).param("version", form.version())
                .param("service", form.service()).param("agency", agency).param("applicant", applicant)
                .param("account", account).param("channel", channel).param("lang", language)
                .param("answers", json(answers)).param("prefilled", json(prefilled)).param("notes", json(notes))
                .param("token", UUID.randomUUID().toString()).update();
        return find(reference).orElseThrow();
    }

    public Optional<Application> find(String reference) {
        return jdbc.sql("select * from applications.application where reference = :r").param("r", reference)
                .query(this::application).optional();
    }

    Optional<Application> lockById(long id) {
        return jdbc.sql("select * from applications.application where id = :id for update").param("id", id)
                .query(this::application).optional();
    }

    Optional<Application> draftOf(long account, String formId) {
        return jdbc.sql("""
                select * from applications.application where applicant_account = :a and form_id = :f and state = 'draft'
                order by id desc limit 1""").param("a", account).param("f", formId).query(this::application).optional();
    }

    public List<Application> ofApplicant(long account) {
        return jdbc.sql("select * from applications.application where applicant_account = :a order by updated_at desc, id desc")
                .param("a", account).query(this::application).list();
    }

    /** The agency's queue, oldest first (or as asked), without drafts. */
    public List<Application> queue(String agency, String state, String service, String sort) {
        String order = switch (sort == null ? "" : sort) {
            case "newest" -> "submitted_at desc nulls last";
            case "service" -> "service_code, submitted_at";
            default -> "submitted_at nulls last";
        };
        return jdbc.sql("""
                select * from applications.application where agency_code = :agency and state <> 'draft'
                  and (:state = '' and state not in ('withdrawn', 'rejected', 'document_issued') or state = :state)
                  and (:service = '' or service_code = :service)
                order by\s""" + order + " limit 500")
                .param("agency", agency).param("state", state == null ? "" : state).param("service", service == null ? "" : service)
                .query(this::application).list();
    }

    /** Replaces the answers; the revision goes up so a stale check-answers page can be recognised. */
    void saveAnswers(long id, Map<String, String> answers) {
        jdbc.sql("""
                update applications.application set answers = cast(:a as jsonb), revision = revision + 1, updated_at = now()
                where id = :id""").param("a", json(answers)).param("id", id).update();
    }

    void saveDecision(long id, Map<String, String> decision) {
        jdbc.sql("update applications.application set decision = cast(:d as jsonb), updated_at = now() where id = :id")
                .param("d", json(decision)).param("id", id).update();
    }

    boolean moveState(long id, String from, String to, OffsetDateTime now) {
        return jdbc.sql("""
                update applications.application set state = :to, updated_at = :now,
                    submitted_at = case when :to = 'submitted' and submitted_at is null then :now else submitted_at end,
                    decided_at = case when :to in ('approved', 'rejected') then :now else decided_at end
                where id = :id and state = :from""")
                .param("to", to).param("from", from).param("id", id).param("now", now).update() == 1;
    }

    void assign(long id, String officer) {
        jdbc.sql("update applications.application set assigned_to = :o, updated_at = now() where id = :id")
                .param("o", officer).param("id", id).update();
    }

    void documentIssued(long id, String documentId) {
        jdbc.sql("update applications.application set document_id = :d, updated_at = now() where id = :id")
                .param("d", documentId).param("id", id).update();
    }

    void history(long applicationId, String actor, String actorKind, String from, String to, String message, OffsetDateTime at) {
        jdbc.sql("""
                insert into applications.history (application_id, at, actor, actor_kind, from_state, to_state, message)
                values (:id, :at, :actor, :kind, :from, :to, :message)""")
                .param("id", applicationId).param("at", at).param("actor", actor).param("kind", actorKind)
                .param("from", from).param("to", to).param("message", message).update();
    }

    public List<HistoryEntry> history(long applicationId) {
        return jdbc.sql("select * from applications.history where application_id = :id order by id")
                .param("id", applicationId)
                .query((rs, n) -> new HistoryEntry(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("actor_kind"), rs.getString("from_state"), rs.getString("to_state"), rs.getString("message")))
                .list();
    }

    List<String[]> transitions() {
        return jdbc.sql("select from_state, to_state, actor from applications.transition")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    // ------------------------------------------------------------ attachments

    UUID saveAttachment(long applicationId, String question, String fileName, String contentType, byte[] content) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into applications.attachment (id, application_id, question, file_name, content_type, size_bytes, content)
                values (:id, :app, :q, :name, :type, :size, :content)""")
                .param("id", id).param("app", applicationId).param("q", question).param("name", fileName)
                .param("type", contentType).param("size", content.length).param("content", content).update();
        return id;
    }

    public Optional<Attachment> attachment(UUID id) {
        return jdbc.sql("select id, application_id, question, file_name, content_type, size_bytes from applications.attachment where id = :id")
                .param("id", id).query(ApplicationStore::attachment).optional();
    }

    public List<Attachment> attachments(long applicationId) {
        return jdbc.sql("""
                select id, application_id, question, file_name, content_type, size_bytes from applications.attachment
                where application_id = :id order by created_at""").param("id", applicationId).query(ApplicationStore::attachment).list();
    }

    public byte[] content(UUID id) {
        return jdbc.sql("select content from applications.attachment where id = :id").param("id", id).query(byte[].class).single();
    }

    private static Attachment attachment(ResultSet rs, int n) throws SQLException {
        return new Attachment(rs.getObject("id", UUID.class), rs.getLong("application_id"), rs.getString("question"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"));
    }

    // ------------------------------------------------------------ figures

    /** Per service: started, submitted (not draft, not withdrawn before), decided, and decision times in hours. */
    public List<Map<String, Object>> figures() {
        return jdbc.sql("""
                select service_code,
                       count(*) as started,
                       count(*) filter (where submitted_at is not null) as submitted,
                       count(*) filter (where state in ('approved', 'rejected', 'document_issued')) as decided,
                       count(*) filter (where state in ('approved', 'document_issued')) as approved,
                       count(*) filter (where submitted_at is not null and channel = 'online') as online,
                       percentile_cont(0.5) within group (order by extract(epoch from decided_at - submitted_at) / 86400.0)
                           filter (where decided_at is not null and submitted_at is not null) as median_days
                from applications.application group by service_code order by service_code""")
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("service", rs.getString("service_code"));
                    m.put("started", rs.getLong("started"));
                    m.put("submitted", rs.getLong("submitted"));
                    m.put("decided", rs.getLong("decided"));
                    m.put("approved", rs.getLong("approved"));
                    m.put("online", rs.getLong("online"));
                    double median = rs.getDouble("median_days");
                    m.put("medianDays", rs.wasNull() ? null : median);
                    return m;
                }).list();
    }

    private Application application(ResultSet rs, int n) throws SQLException {
        return new Application(rs.getLong("id"), rs.getString("reference"), rs.getString("form_id"), rs.getInt("form_version"),
                rs.getString("service_code"), rs.getString("agency_code"), rs.getString("applicant"),
                rs.getLong("applicant_account"), rs.getString("channel"), rs.getString("state"), rs.getString("language"),
                map(rs.getString("answers")), map(rs.getString("prefilled")), map(rs.getString("prefill_notes")),
                map(rs.getString("decision")), rs.getInt("revision"), rs.getString("submit_token"), rs.getString("assigned_to"),
                rs.getString("document_id"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getObject("decided_at", OffsetDateTime.class));
    }
}
