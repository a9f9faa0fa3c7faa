package mn.zasag.feedback.internal;

import mn.zasag.feedback.Attachment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * Files a citizen sent with a web form that came back for a correction, kept under a random token the
 * corrected form carries so they need not be chosen again. The cleaning job removes them after a while.
 */
@Component
public class PendingUploads {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    PendingUploads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The files kept under this token (none for a missing or malformed token). */
    public List<Attachment> load(String token) {
        if (!wellFormed(token)) {
            return List.of();
        }
        return jdbc.sql("select file_name, content_type, content from feedback.pending_upload where token = :t order by id")
                .param("t", token)
                .query((rs, n) -> new Attachment(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .list();
    }

    /** Keeps these files (added to any already under the token) and gives the token to carry. */
    public String keep(String token, List<Attachment> files) {
        String t = wellFormed(token) ? token : HexFormat.of().formatHex(random());
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Attachment a : files) {
            jdbc.sql("""
                            insert into feedback.pending_upload (token, file_name, content_type, content, created_at)
                            values (:t, :name, :type, :content, :at)""")
                    .param("t", t).param("name", a.storedName()).param("type", a.baseType()).param("content", a.content())
                    .param("at", now).update();
        }
        return t;
    }

    public void drop(String token) {
        if (wellFormed(token)) {
            jdbc.sql("delete from feedback.pending_upload where token = :t").param("t", token).update();
        }
    }

    /** Removes files kept since before {@code before}; how many. */
    public int purge(OffsetDateTime before) {
        return jdbc.sql("delete from feedback.pending_upload where created_at < :before").param("before", before).update();
    }

    private static byte[] random() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    static boolean wellFormed(String token) {
        return token != null && token.matches("[0-9a-f]{32}");
    }
}
