package mn.zasag.identity.internal;

import mn.zasag.identity.AccountSummary;
import mn.zasag.identity.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The identity.account table. Logins compare case-insensitively, as people type them. */
@Repository
public class AccountStore {

    private static final String COLUMNS = "id, login, role, register_number, family_name, given_name, mobile, email, agency_code, enabled";
    private static final RowMapper<AccountSummary> SUMMARY = (rs, n) -> new AccountSummary(
            rs.getLong("id"), rs.getString("login"), Role.valueOf(rs.getString("role")), rs.getString("register_number"),
            rs.getString("family_name"), rs.getString("given_name"), rs.getString("mobile"), rs.getString("email"),
            rs.getString("agency_code"), rs.getBoolean("enabled"));

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long insert(String login, Role role, String registerNumber, String familyName, String givenName,
                       String mobile, String email, String agencyCode, String passwordHash) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                insert into identity.account (login, role, register_number, family_name, given_name, mobile, email,
                                              agency_code, password_hash, created_at, updated_at)
                values (:login, :role, :rn, :family, :given, :mobile, :email, :agency, :hash, :now, :now)
                returning id
                """)
                .param("login", login).param("role", role.name()).param("rn", registerNumber)
                .param("family", familyName).param("given", givenName).param("mobile", mobile).param("email", email)
                .param("agency", agencyCode).param("hash", passwordHash).param("now", now)
                .query(Long.class).single();
    }

    public boolean loginExists(String login) {
        return jdbc.sql("select exists(select 1 from identity.account where lower(login) = lower(:login))")
                .param("login", login).query(Boolean.class).single();
    }

    public Optional<AccountSummary> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from identity.account where id = :id").param("id", id)
                .query(SUMMARY).optional();
    }

    public Optional<AccountSummary> findByLogin(String login) {
        return jdbc.sql("select " + COLUMNS + " from identity.account where lower(login) = lower(:login)").param("login", login)
                .query(SUMMARY).optional();
    }

    public Optional<Credentials> credentials(String login) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from identity.account where lower(login) = lower(:login)")
                .param("login", login)
                .query((rs, n) -> new Credentials(SUMMARY.mapRow(rs, n), rs.getString("password_hash")))
                .optional();
    }

    public List<AccountSummary> staff(String agencyCode) {
        return jdbc.sql("select " + COLUMNS + " from identity.account where role <> 'CITIZEN'"
                        + " and (cast(:agency as text) is null or agency_code = :agency) order by agency_code nulls first, login")
                .param("agency", agencyCode).query(SUMMARY).list();
    }

    public void setPasswordHash(long id, String hash) {
        jdbc.sql("update identity.account set password_hash = :hash, updated_at = :now where id = :id")
                .param("hash", hash).param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    public Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from identity.account where id = :id").param("id", id).query(String.class).optional();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("update identity.account set enabled = :enabled, updated_at = :now where id = :id")
                .param("enabled", enabled).param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    /** An account as the login needs it. */
    public record Credentials(AccountSummary account, String passwordHash) {
    }
}
