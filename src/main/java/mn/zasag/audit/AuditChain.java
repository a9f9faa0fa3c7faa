package mn.zasag.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

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
     * Appends in one statement: the head row's lock, which orders concurrent writers, is then held for that
     * statement and the commit only (it is held until the caller's transaction ends). Three round trips with
     * the hash computed in Java between them kept every other writer waiting, with their pooled connections,
     * for as long. The hash is the same as {@link #hash}: SHA-256 over the previous hash and the entry's
     * canonical text, the previous hash read under the lock.
     */
    static void append(JdbcClient jdbc, AuditEntry entry) {
        jdbc.sql("""
                with head as (select last_hash from audit.chain_head where id = 1 for update),
                     added as (
                    insert into audit.entry (at, action, outcome, actor_id, actor_login, actor_agency, object_type,
                                             object_id, ip, details, previous_hash, hash)
                    select :at, :action, :outcome, :actorId, :actorLogin, :actorAgency, :objectType, :objectId, :ip,
                           cast(:details as jsonb), head.last_hash,
                           encode(sha256(convert_to(head.last_hash || :canonical, 'UTF8')), 'hex')
                    from head
                    returning id, hash)
                update audit.chain_head h set last_hash = added.hash, last_id = added.id from added where h.id = 1
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
                .param("canonical", canonical(entry))
                .update();
    }

    /**
     * Appends several entries, in order, in the caller's transaction: the head is locked and read once, the hashes
     * chained in Java, the entries inserted in one batch and the head moved to the last of them.
     */
    static void appendAll(JdbcTemplate jdbc, List<AuditEntry> entries) {
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
        String canonical = previousHash + canonical(e);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e1);
        }
    }

    /** The entry's fields as hashed after the previous hash: each on a line of its own, details as sorted JSON. */
    private static String canonical(AuditEntry e) {
        return new StringBuilder().append('\n')
                .append(e.at().toInstant()).append('\n')
                .append(e.action()).append('\n')
                .append(e.outcome()).append('\n')
                .append(nullable(e.actorId())).append('\n')
                .append(nullable(e.actorLogin())).append('\n')
                .append(nullable(e.actorAgency())).append('\n')
                .append(nullable(e.objectType())).append('\n')
                .append(nullable(e.objectId())).append('\n')
                .append(nullable(e.ip())).append('\n')
                .append(Json.write(new TreeMap<>(e.details() == null ? Map.of() : e.details()))).toString();
    }

    private static String nullable(Object value) {
        return value == null ? "\u2400" : value.toString();
    }
}
