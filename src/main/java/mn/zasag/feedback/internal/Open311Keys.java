package mn.zasag.feedback.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.feedback.FeedbackRefused;
import mn.zasag.feedback.NotCaseAgency;
import mn.zasag.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API keys Open311 clients (mobile apps) post requests with: issued per client by the centre (CITA's
 * agency admins) or platform admins, shown once, kept only as SHA-256, listed and revoked, all audited.
 * Keys in the {@code zasag.feedback.open311-api-keys} setting stay valid as a bootstrap.
 */
@Service
public class Open311Keys {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String PREFIX = "o311_";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Set<String> bootstrapHashes;

    Open311Keys(JdbcClient jdbc, AuditTrail audit, Clock clock,
                @Value("${zasag.feedback.open311-api-keys:}") String bootstrapKeys) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.bootstrapHashes = Arrays.stream(bootstrapKeys.split(",")).map(String::strip).filter(k -> !k.isEmpty())
                .map(Open311Keys::sha256).collect(Collectors.toUnmodifiableSet());
    }

    public record Issued(long id, String client, String key) {
    }

    public record KeyInfo(long id, String client, String prefix, OffsetDateTime createdAt, String createdBy,
                          OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, String revokedBy) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A new key for a client; the only time its value is seen. */
    @Transactional
    public Issued issue(String client, Actor actor) {
        allowed(actor);
        String name = client == null ? "" : client.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new FeedbackRefused("feedback_key_client_invalid", "client");
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                        insert into feedback.open311_key (client, key_hash, prefix, created_at, created_by)
                        values (:client, :hash, :prefix, :at, :by) returning id""")
                .param("client", name).param("hash", sha256(key)).param("prefix", key.substring(0, PREFIX.length() + 4))
                .param("at", OffsetDateTime.now(clock)).param("by", actor.login()).query(Long.class).single();
        audit.record(AuditEvent.success("feedback.open311_key.issued", "open311_key", String.valueOf(id))
                .withDetails(Map.of("client", name)));
        return new Issued(id, name, key);
    }

    public List<KeyInfo> all(Actor actor) {
        allowed(actor);
        return jdbc.sql("select * from feedback.open311_key order by revoked_at nulls first, id desc")
                .query((rs, n) -> new KeyInfo(rs.getLong("id"), rs.getString("client"), rs.getString("prefix"),
                        CaseStore.local(rs, "created_at"), rs.getString("created_by"), CaseStore.local(rs, "last_used_at"),
                        CaseStore.local(rs, "revoked_at"), rs.getString("revoked_by"))).list();
    }

    @Transactional
    public void revoke(long id, Actor actor) {
        allowed(actor);
        int n = jdbc.sql("update feedback.open311_key set revoked_at = :at, revoked_by = :by where id = :id and revoked_at is null")
                .param("at", OffsetDateTime.now(clock)).param("by", actor.login()).param("id", id).update();
        if (n == 0) {
            throw new FeedbackRefused("feedback_key_unknown", "id");
        }
        audit.record(AuditEvent.success("feedback.open311_key.revoked", "open311_key", String.valueOf(id)));
    }

    /** Whether a client's key may post: an issued, unrevoked key (its use is noted) or a bootstrap key. */
    @Transactional
    public boolean valid(String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        String hash = sha256(key.strip());
        if (bootstrapHashes.contains(hash)) {
            return true;
        }
        return jdbc.sql("update feedback.open311_key set last_used_at = :at where key_hash = :hash and revoked_at is null")
                .param("at", OffsetDateTime.now(clock)).param("hash", hash).update() > 0;
    }

    private static void allowed(Actor actor) {
        if (actor.agencyCode() != null && !FeedbackCases.CENTRE.equals(actor.agencyCode())) {
            throw new NotCaseAgency();
        }
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
