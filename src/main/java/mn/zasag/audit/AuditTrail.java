package mn.zasag.audit;

import jakarta.servlet.http.HttpServletRequest;
import mn.zasag.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Appends to the audit trail. Runs inside the caller's transaction, so an audited change and its entry
 * commit or roll back together; entries are chained by hash under a lock on the chain's head, so the
 * chain has exactly one order even with many nodes writing.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        Actor actor = currentActor();
        String login = event.actorLogin() != null ? event.actorLogin() : actor != null ? actor.login() : currentName();
        AuditEntry entry = new AuditEntry(0, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                event.action(), event.outcome().name(),
                actor != null ? actor.accountId() : null, login, actor != null ? actor.agencyCode() : null,
                event.objectType(), event.objectId(), clientAddress(), event.details(), null, null);
        AuditChain.append(jdbc, entry);
    }

    private static Actor currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Actor actor ? actor : null;
    }

    private static String currentName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName()) ? auth.getName() : null;
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
