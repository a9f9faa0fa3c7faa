package mn.zasag.identity.internal;

import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.identity.AccountNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Personal access tokens for scripts and systems. The token is shown once; we keep only its SHA-256
 * (a token has 256 random bits, so a fast hash is enough: there is nothing to brute-force). A token acts
 * with its owner's current permissions, so a demoted or disabled owner's tokens shrink or stop with them.
 */
@Service
public class AccessTokens {

    static final String PREFIX = "zsg_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final AccountStore accounts;

    AccessTokens(JdbcClient jdbc, Clock clock, AuditTrail audit, AccountStore accounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** Creates a token and returns it in clear, the only time it exists in clear. */
    @Transactional
    public String create(long accountId, String name, Duration validity) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        store(accountId, name, token, validity);
        return token;
    }

    /** Stores a token whose value is already known (the demo's documented tokens). */
    @Transactional
    public void store(long accountId, String name, String token, Duration validity) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into identity.access_token (account_id, name, token_hash, prefix, created_at, expires_at)
                values (:account, :name, :hash, :prefix, :now, :expires) returning id
                """)
                .param("account", accountId).param("name", name).param("hash", hash(token))
                .param("prefix", token.substring(0, Math.min(token.length(), 10)))
                .param("now", now).param("expires", validity == null ? null : now.plus(validity))
                .query(Long.class).single();
        audit.record(AuditEvent.success("identity.token.created", "access_token", String.valueOf(id))
                .withDetails(Map.of("account", String.valueOf(accountId), "name", name)));
    }

    @Transactional
    public void revoke(long accountId, long tokenId) {
        int changed = jdbc.sql("update identity.access_token set revoked_at = :now where id = :id and account_id = :account and revoked_at is null")
                .param("now", OffsetDateTime.now(clock)).param("id", tokenId).param("account", accountId).update();
        if (changed == 0) {
            throw new AccountNotFound(tokenId);
        }
        audit.record(AuditEvent.success("identity.token.revoked", "access_token", String.valueOf(tokenId)));
    }

    public List<TokenView> list(long accountId) {
        return jdbc.sql("""
                select id, name, prefix, created_at, expires_at, last_used_at, revoked_at
                from identity.access_token where account_id = :account order by created_at desc
                """)
                .param("account", accountId)
                .query((rs, n) -> new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    /** The owner of a live token, as a principal; empty for unknown, revoked, expired or disabled. */
    public Optional<AccountPrincipal> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String hash = hash(token);
        Optional<Long> account = jdbc.sql("""
                select account_id from identity.access_token
                where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > :now)
                """)
                .param("now", now).param("hash", hash).query(Long.class).optional();
        if (account.isPresent()) {
            // "last used" to the minute is enough for its owner, and spares a write on every API call
            jdbc.sql("""
                    update identity.access_token set last_used_at = :now
                    where token_hash = :hash and (last_used_at is null or last_used_at < :minuteAgo)
                    """)
                    .param("now", now).param("hash", hash).param("minuteAgo", now.minusMinutes(1)).update();
        }
        return account.flatMap(accounts::find)
                .filter(a -> a.enabled())
                .map(a -> new AccountPrincipal(a, null));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public record TokenView(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
        public boolean active(OffsetDateTime now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }
}
