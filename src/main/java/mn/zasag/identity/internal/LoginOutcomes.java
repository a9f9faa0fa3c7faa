package mn.zasag.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

import java.io.IOException;
import java.util.Map;

/** Audits every login and logout, and sends each person to the right place afterwards. */
public class LoginOutcomes {

    public static final String LAST_LOGIN = LoginOutcomes.class.getName() + ".lastLogin";

    private final AuditTrail audit;

    LoginOutcomes(AuditTrail audit) {
        this.audit = audit;
    }

    SavedRequestAwareAuthenticationSuccessHandler success() {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
                var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
                return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? p.landing() : "/";
            }

            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws jakarta.servlet.ServletException, IOException {
                audit.record(AuditEvent.success("identity.login.succeeded", "account",
                        authentication.getPrincipal() instanceof AccountPrincipal p ? String.valueOf(p.accountId()) : null));
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        return handler;
    }

    AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            String reason = reason(exception);
            String login = request.getParameter("username");
            audit.record(new AuditEvent("identity.login.failed", AuditEvent.Outcome.FAILURE, "login", null,
                    login == null ? null : login.strip().substring(0, Math.min(login.strip().length(), 64)),
                    Map.of("reason", reason)));
            if (login != null && login.strip().length() <= 64) {
                // shown again in the form, so a mistyped password does not mean retyping the login
                request.getSession().setAttribute(LAST_LOGIN, login.strip());
            }
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    LogoutHandler logout() {
        return (request, response, authentication) -> {
            if (authentication != null) {
                audit.record(AuditEvent.success("identity.logout", "account",
                        authentication.getPrincipal() instanceof AccountPrincipal p ? String.valueOf(p.accountId()) : null));
            }
        };
    }

    private static String reason(AuthenticationException e) {
        if (e instanceof ProtectedLogin.LoginLocked) {
            return "locked";
        }
        if (e instanceof ProtectedLogin.LoginThrottled) {
            return "throttled";
        }
        if (e instanceof DisabledException) {
            return "disabled";
        }
        return "bad";
    }
}
