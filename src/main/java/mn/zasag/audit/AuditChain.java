package mn.zasag.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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

    /**
     * Appends entries, in order, in the caller's transaction: the head's row lock orders concurrent writers (it is
     * held until that transaction ends); the head is read once, the hashes chained, the entries inserted in one
     * batch and the head moved to the last of them. {@link AuditTrail} calls it with one entry inside a change's
     * transaction, {@link AuditWriter} with whatever has queued outside one.
     */
    static void append(JdbcTemplate jdbc, List<AuditEntry> entries) {
        String previous = jdbc.queryForObject("select last_hash from audit.chain_head where id = 1 for update", String.class);
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            String hash = hash(previous, e);
            rows.add(new Object[] {e.at(), e.action(), e.outcome(), e.actorId(), e.actorLogin(), e.actorAgency(),
                    e.objectType(), e.objectId(), e.ip(), Json.write(e.details()), previous, hash});
            previous = hash;
        }
        jdbc.batchUpdate("insert into audit.entry (at, action, outcome, actor_id, actor_login, actor_agency, object_type, "
                + "object_id, ip, details, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)", rows);
        jdbc.update("update audit.chain_head set last_hash = ?, last_id = currval(pg_get_serial_sequence('audit.entry', 'id')) "
                + "where id = 1", previous);
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
