package mn.zasag.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Map;

/**
 * An authenticated account refused by a permission rule is worth knowing about (a probing insider, a
 * misconfigured role), so each refusal lands in the audit trail as DENIED. Anonymous refusals are only
 * the login page doing its job and are not recorded.
 */
@Configuration(proxyBeanMethods = false)
class DeniedAccessAuditing {

    private final AuditTrail audit;

    DeniedAccessAuditing(AuditTrail audit) {
        this.audit = audit;
    }

    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            return;
        }
        String path = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? request(attributes.getRequest()) : "";
        audit.record(new AuditEvent("security.access.denied", AuditEvent.Outcome.DENIED, "path", path, null,
                Map.of()));
    }

    private static String request(HttpServletRequest request) {
        String path = request.getMethod() + " " + request.getRequestURI();
        return path.length() > 200 ? path.substring(0, 200) : path;
    }
}
