package mn.zasag.exchange.internal;

import mn.zasag.pki.DataSealing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes message log records. A record is the canonical JSON of one request and its response (bodies in full,
 * or only their SHA-256 in METADATA mode); it is sealed at once with the provider's and the client's member
 * seals (their agencies' seal keys from our PKI; the platform seal for members that are not agencies) and
 * inserted on its own, outside any provider transaction. {@link LogChainer} chains and time-stamps it shortly
 * after.
 */
@Component
public class MessageLog {

    /** Columns the tracker and the monitoring read without parsing the record. */
    record Entry(OffsetDateTime at, String messageId, String clientId, String serviceId, String method, String path, String subject,
                 String userId, String issue, int status, String errorType, int durationMs, String logMode,
                 String clientAgency, String providerAgency, Map<String, Object> record) {
    }

    private final JdbcClient jdbc;
    private final DataSealing sealing;
    private final JsonMapper json;

    MessageLog(JdbcClient jdbc, DataSealing sealing, JsonMapper json) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.json = json;
    }

    void write(Entry e) {
        String record = json.writeValueAsString(e.record());
        byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
        List<Map<String, String>> seals = new ArrayList<>();
        seals.add(seal("provider", e.providerAgency(), bytes));
        seals.add(seal("client", e.clientAgency(), bytes));
        jdbc.sql("""
                insert into exchange.message_log (logged_at, message_id, client_id, service_id, method, path, subject, user_id, issue,
                    status, error_type, duration_ms, log_mode, record, record_hash, seals)
                values (:at, :mid, :client, :service, :method, :path, :subject, :user, :issue, :status, :error, :ms, :mode, :record,
                    :hash, :seals)""")
                .param("at", e.at()).param("mid", e.messageId()).param("client", e.clientId()).param("service", e.serviceId())
                .param("method", e.method()).param("path", cut(e.path())).param("subject", e.subject()).param("user", cut(e.userId()))
                .param("issue", cut(e.issue())).param("status", e.status()).param("error", e.errorType()).param("ms", e.durationMs())
                .param("mode", e.logMode()).param("record", record).param("hash", sha256(bytes))
                .param("seals", json.writeValueAsString(seals)).update();
    }

    private Map<String, String> seal(String role, String agency, byte[] bytes) {
        DataSealing.Seal seal = sealing.seal(agency, bytes);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("owner", seal.owner());
        m.put("certificate", seal.serial());
        m.put("signature", Base64.getEncoder().encodeToString(seal.signature()));
        return m;
    }

    private static String cut(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
