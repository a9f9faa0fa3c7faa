package mn.zasag.audit;

import jakarta.servlet.http.HttpServletRequest;
import mn.zasag.shared.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
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
import java.util.List;

/**
 * Appends to the audit trail. Runs inside the caller's transaction, so an audited change and its entry
 * commit or roll back together; entries are chained by hash under a lock on the chain's head, so the
 * chain has exactly one order even with many nodes writing. Called outside a transaction (an audited read,
 * a failed login), the entry is handed to the {@link AuditWriter}, which appends what has queued in one batch
 * and returns once it is committed.
 */
@Service
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final AuditWriter writer;

    AuditTrail(JdbcTemplate jdbc, Clock clock, AuditWriter writer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.writer = writer;
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public void record(AuditEvent event) {
        Actor actor = currentActor();
        String login = event.actorLogin() != null ? event.actorLogin() : actor != null ? actor.login() : currentName();
        AuditEntry entry = new AuditEntry(0, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                event.action(), event.outcome().name(),
                actor != null ? actor.accountId() : null, login, actor != null ? actor.agencyCode() : null,
                event.objectType(), event.objectId(), clientAddress(), event.details(), null, null);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            AuditChain.append(jdbc, List.of(entry));
        } else {
            writer.append(entry);
        }
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
