package mn.zasag.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.OffsetDateTime;

/**
 * Password login behind the lockout and throttle: a locked login or a throttled address is refused
 * before the password is even checked, and every bad password counts towards both.
 */
class ProtectedLogin implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginProtection protection;

    ProtectedLogin(DaoAuthenticationProvider passwords, LoginProtection protection) {
        this.passwords = passwords;
        this.protection = protection;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName() == null ? "" : authentication.getName().strip();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        if (protection.throttled(ip)) {
            throw new LoginThrottled();
        }
        OffsetDateTime lockedUntil = protection.lockedUntil(login).orElse(null);
        if (lockedUntil != null) {
            throw new LoginLocked(lockedUntil);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            protection.succeeded(login);
            return result;
        } catch (BadCredentialsException e) {
            protection.failed(login, ip);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Too many failures for this login: refused until {@code until}. */
    static final class LoginLocked extends LockedException {
        private final transient OffsetDateTime until;

        LoginLocked(OffsetDateTime until) {
            super("login locked");
            this.until = until;
        }

        OffsetDateTime until() {
            return until;
        }
    }

    /** Too many failures from this address. */
    static final class LoginThrottled extends AuthenticationException {
        LoginThrottled() {
            super("too many failed logins from this address");
        }
    }
}
