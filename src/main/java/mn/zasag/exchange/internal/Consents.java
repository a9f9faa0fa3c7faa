package mn.zasag.exchange.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.exchange.DirectoryRefused;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's consent for one client subsystem to read one service about them (KHUR's consent proof): a
 * standing consent the citizen granted on the portal (its id is the proof) or a one-time code the citizen
 * hands to the official (valid once, for ten minutes). Codes are stored only as SHA-256 hashes.
 */
@Component
public class Consents {

    public static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Consent(UUID id, String person, String clientId, String serviceId, String purpose, OffsetDateTime grantedAt,
                          OffsetDateTime expiresAt, boolean oneTime, OffsetDateTime usedAt, OffsetDateTime revokedAt) {
    }

    /** A one-time code as shown once to the citizen. */
    public record Code(UUID id, String code, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Consents(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Consent grant(String person, String clientId, String serviceId, String purpose, int days) {
        check(clientId, serviceId, purpose);
        if (days < 1 || days > 365) {
            throw new DirectoryRefused(HttpStatus.UNPROCESSABLE_CONTENT, "exchange_consent_invalid", "A consent lasts 1 to 365 days");
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        insert(id, person, clientId, serviceId, purpose, null, now, now.plusDays(days));
        audit.record(AuditEvent.success("exchange.consent.granted", "exchange_consent", id.toString())
                .withDetails(Map.of("client", clientId, "service", serviceId, "days", Integer.toString(days))));
        return find(id).orElseThrow();
    }

    @Transactional
    public Code oneTimeCode(String person, String clientId, String serviceId, String purpose) {
        check(clientId, serviceId, purpose);
        UUID id = UUID.randomUUID();
        String code = String.format("%08d", RANDOM.nextInt(100_000_000));
        OffsetDateTime now = OffsetDateTime.now(clock);
        insert(id, person, clientId, serviceId, purpose, hash(code), now, now.plus(CODE_VALIDITY));
        audit.record(AuditEvent.success("exchange.consent.code_issued", "exchange_consent", id.toString())
                .withDetails(Map.of("client", clientId, "service", serviceId)));
        return new Code(id, code, now.plus(CODE_VALIDITY));
    }

    @Transactional
    public void revoke(UUID id, String person) {
        int n = jdbc.sql("update exchange.consent set revoked_at = :now where id = :id and person = :p and revoked_at is null")
                .param("now", OffsetDateTime.now(clock)).param("id", id).param("p", person).update();
        if (n == 0) {
            throw new DirectoryRefused(HttpStatus.NOT_FOUND, "exchange_consent_not_found", "No such consent of yours");
        }
        audit.record(AuditEvent.success("exchange.consent.revoked", "exchange_consent", id.toString()));
    }

    public List<Consent> of(String person) {
        return jdbc.sql("select * from exchange.consent where person = :p order by granted_at desc limit 100").param("p", person)
                .query((rs, n) -> row(rs)).list();
    }

    /**
     * The consent a proof stands for, when it is valid for this person, client and service now; a one-time code is
     * used up by this call (even if the request then fails, as a code is meant to be spent once).
     */
    public Optional<UUID> use(String proof, String person, String clientId, String serviceId) {
        if (proof == null || proof.isBlank() || proof.length() > 64) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String p = proof.strip();
        if (p.matches("^[0-9]{8}$")) {
            return jdbc.sql("""
                            update exchange.consent set used_at = :now where code_hash = :h and person = :p and client_id = :c
                              and service_id = :s and used_at is null and revoked_at is null and expires_at > :now returning id""")
                    .param("now", now).param("h", hash(p)).param("p", person).param("c", clientId).param("s", serviceId)
                    .query(UUID.class).optional();
        }
        UUID id;
        try {
            id = UUID.fromString(p);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id from exchange.consent where id = :id and person = :p and client_id = :c and service_id = :s
                          and code_hash is null and revoked_at is null and expires_at > :now""")
                .param("id", id).param("p", person).param("c", clientId).param("s", serviceId).param("now", now)
                .query(UUID.class).optional();
    }

    private Optional<Consent> find(UUID id) {
        return jdbc.sql("select * from exchange.consent where id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    private void check(String clientId, String serviceId, String purpose) {
        boolean known = jdbc.sql("select count(*) from exchange.subsystem where id = :c").param("c", clientId).query(Long.class).single() == 1
                && jdbc.sql("select count(*) from exchange.service where id = :s").param("s", serviceId).query(Long.class).single() == 1;
        if (!known || purpose == null || purpose.isBlank() || purpose.length() > 300) {
            throw new DirectoryRefused(HttpStatus.UNPROCESSABLE_CONTENT, "exchange_consent_invalid",
                    "A consent names a known client, a known service and a purpose");
        }
    }

    private void insert(UUID id, String person, String clientId, String serviceId, String purpose, String codeHash,
                        OffsetDateTime now, OffsetDateTime expires) {
        jdbc.sql("""
                insert into exchange.consent (id, person, client_id, service_id, purpose, code_hash, granted_at, expires_at)
                values (:id, :p, :c, :s, :purpose, :h, :now, :exp)""")
                .param("id", id).param("p", person).param("c", clientId).param("s", serviceId).param("purpose", purpose.strip())
                .param("h", codeHash).param("now", now).param("exp", expires).update();
    }

    private static Consent row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Consent(rs.getObject("id", UUID.class), rs.getString("person"), rs.getString("client_id"), rs.getString("service_id"),
                rs.getString("purpose"), rs.getObject("granted_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                rs.getString("code_hash") != null, rs.getObject("used_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
