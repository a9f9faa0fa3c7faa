package mn.zasag.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain. An entry's hash is SHA-256 over the previous entry's hash and a canonical text of the
 * entry's own fields, so changing, inserting or deleting any row changes every hash after it.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static void append(JdbcClient jdbc, AuditEntry entry) {
        // the head row lock orders concurrent writers; it is held until the caller's transaction ends
        String previous = jdbc.sql("select last_hash from audit.chain_head where id = 1 for update")
                .query(String.class).single();
        String hash = hash(previous, entry);
        long id = jdbc.sql("""
                insert into audit.entry (at, action, outcome, actor_id, actor_login, actor_agency, object_type, object_id,
                                         ip, details, previous_hash, hash)
                values (:at, :action, :outcome, :actorId, :actorLogin, :actorAgency, :objectType, :objectId,
                        :ip, cast(:details as jsonb), :previous, :hash)
                returning id
                """)
                .param("at", entry.at())
                .param("action", entry.action())
                .param("outcome", entry.outcome())
                .param("actorId", entry.actorId())
                .param("actorLogin", entry.actorLogin())
                .param("actorAgency", entry.actorAgency())
                .param("objectType", entry.objectType())
                .param("objectId", entry.objectId())
                .param("ip", entry.ip())
                .param("details", Json.write(entry.details()))
                .param("previous", previous)
                .param("hash", hash)
                .query(Long.class).single();
        jdbc.sql("update audit.chain_head set last_hash = :hash, last_id = :id where id = 1")
                .param("hash", hash).param("id", id).update();
    }

    static String hash(String previousHash, AuditEntry e) {
        StringBuilder canonical = new StringBuilder()
                .append(previousHash).append('\n')
                .append(e.at().toInstant()).append('\n')
                .append(e.action()).append('\n')
                .append(e.outcome()).append('\n')
                .append(nullable(e.actorId())).append('\n')
                .append(nullable(e.actorLogin())).append('\n')
                .append(nullable(e.actorAgency())).append('\n')
                .append(nullable(e.objectType())).append('\n')
                .append(nullable(e.objectId())).append('\n')
                .append(nullable(e.ip())).append('\n')
                .append(Json.write(new TreeMap<>(e.details() == null ? Map.of() : e.details())));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e1);
        }
    }

    private static String nullable(Object value) {
        return value == null ? "\u2400" : value.toString();
    }
}
