package mn.zasag.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Slows down password guessing, in the database so that every node sees the same counts. A login name
 * is locked for a while after repeated failures (whether or not the account exists, so the lock reveals
 * nothing), and one client address is throttled after many failures across any logins.
 */
@Component
public class LoginProtection {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int lockoutThreshold;
    private final Duration lockoutDuration;
    private final int ipThreshold;

    LoginProtection(JdbcClient jdbc, Clock clock,
                    @Value("${zasag.security.lockout-threshold:5}") int lockoutThreshold,
                    @Value("${zasag.security.lockout-duration:15m}") Duration lockoutDuration,
                    @Value("${zasag.security.ip-throttle-threshold:30}") int ipThreshold) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lockoutThreshold = lockoutThreshold;
        this.lockoutDuration = lockoutDuration;
        this.ipThreshold = ipThreshold;
    }

    /** When the login is locked, until when. */
    public Optional<OffsetDateTime> lockedUntil(String login) {
        OffsetDateTime since = OffsetDateTime.now(clock).minus(lockoutDuration);
        return jdbc.sql("""
                select max(at) from (select at from identity.login_failure
                 where lower(login) = lower(:login) and at > :since order by at desc limit :n) recent
                having count(*) >= :n
                """)
                .param("login", login).param("since", since).param("n", lockoutThreshold)
                .query(OffsetDateTime.class).optional()
                .map(last -> last.plus(lockoutDuration));
    }

    public boolean throttled(String ip) {
        if (ip == null) {
            return false;
        }
        OffsetDateTime since = OffsetDateTime.now(clock).minus(lockoutDuration);
        long failures = jdbc.sql("select count(*) from identity.login_failure where ip = :ip and at > :since")
                .param("ip", ip).param("since", since).query(Long.class).single();
        return failures >= ipThreshold;
    }

    @Transactional
    public void failed(String login, String ip) {
        jdbc.sql("insert into identity.login_failure (login, ip, at) values (:login, :ip, :at)")
                .param("login", login.length() > 64 ? login.substring(0, 64) : login)
                .param("ip", ip).param("at", OffsetDateTime.now(clock)).update();
    }

    /** Failures older than a day no longer matter to any rule; keeping them would only grow the table. */
    @org.springframework.scheduling.annotation.Scheduled(cron = "0 17 * * * *")
    void forgetOldFailures() {
        jdbc.sql("delete from identity.login_failure where at < :before")
                .param("before", OffsetDateTime.now(clock).minusDays(1)).update();
    }

    @Transactional
    public void succeeded(String login) {
        jdbc.sql("delete from identity.login_failure where lower(login) = lower(:login)").param("login", login).update();
    }
}
