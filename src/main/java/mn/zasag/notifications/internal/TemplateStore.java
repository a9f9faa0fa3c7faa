package mn.zasag.notifications.internal;

import mn.zasag.notifications.PlaceholderUnknown;
import mn.zasag.notifications.TemplateNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Templates in {@code notifications.template}, with their kind's declared placeholders. */
@Repository
public class TemplateStore {

    private static final String SELECT = """
            select t.kind, t.language, t.email_subject, t.email_body, t.sms_body, t.updated_at, t.updated_by,
                   k.placeholders, k.samples
            from notifications.template t join notifications.kind k on k.kind = t.kind
            """;

    private final JdbcClient jdbc;

    TemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MessageTemplate> find(String kind, String language) {
        return jdbc.sql(SELECT + " where t.kind = :kind and t.language = :language")
                .param("kind", kind).param("language", language)
                .query(TemplateStore::row).optional();
    }

    public MessageTemplate get(String kind, String language) {
        return find(kind, language).orElseThrow(() -> new TemplateNotFound(kind));
    }

    public List<MessageTemplate> all() {
        return jdbc.sql(SELECT + " order by t.kind, t.language desc").query(TemplateStore::row).list();
    }

    /** Replaces a template's texts; every placeholder they use must be one the kind declares. */
    public void update(String kind, String language, String subject, String emailBody, String smsBody,
                       OffsetDateTime at, String by) {
        MessageTemplate current = get(kind, language);
        Set<String> declared = Set.copyOf(current.placeholders());
        for (String text : List.of(subject, emailBody, smsBody)) {
            for (String used : TemplateText.placeholders(text)) {
                if (!declared.contains(used)) {
                    throw new PlaceholderUnknown(used);
                }
            }
        }
        jdbc.sql("""
                        update notifications.template
                        set email_subject = :subject, email_body = :body, sms_body = :sms, updated_at = :at, updated_by = :by
                        where kind = :kind and language = :language""")
                .param("subject", subject).param("body", emailBody).param("sms", smsBody)
                .param("at", at).param("by", by).param("kind", kind).param("language", language)
                .update();
    }

    private static MessageTemplate row(ResultSet rs, int n) throws SQLException {
        return new MessageTemplate(rs.getString("kind"), rs.getString("language"), rs.getString("email_subject"),
                rs.getString("email_body"), rs.getString("sms_body"), strings(rs.getArray("placeholders")),
                strings(rs.getArray("samples")), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
