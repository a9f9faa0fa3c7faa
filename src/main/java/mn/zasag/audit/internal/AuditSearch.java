package mn.zasag.audit.internal;

import mn.zasag.audit.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the trail for officers and admins, within what {@link AuditScope} lets the caller see. The
 * scope is applied here, not in the controllers, so no new way in can forget it.
 */
@Service
public class AuditSearch {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditSearch(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PreAuthorize("hasAuthority('AUDIT_READ')")
    public AuditPage search(AuditQuery query) {
        AuditScope scope = AuditScope.ofCaller();
        if (!scope.seesAnything()) {
            return new AuditPage(List.of(), null, scope);
        }
        StringBuilder sql = new StringBuilder("select ").append(AuditEntryRows.COLUMNS).append(" from audit.entry where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!scope.all()) {
            sql.append(" and actor_agency = :agency");
            params.put("agency", scope.agency());
        }
        if (query.from() != null) {
            sql.append(" and at >= :from");
            params.put("from", startOf(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and at < :to");
            params.put("to", startOf(query.to().plusDays(1)));
        }
        if (query.actionPrefix() != null) {
            // starts_with, not like: a '%' or '_' typed into the form is not a wildcard
            sql.append(" and starts_with(action, :action)");
            params.put("action", query.actionPrefix());
        }
        if (query.actorLogin() != null) {
            sql.append(" and actor_login = :actor");
            params.put("actor", query.actorLogin());
        }
        if (query.objectType() != null) {
            sql.append(" and object_type = :objectType");
            params.put("objectType", query.objectType());
        }
        if (query.objectId() != null) {
            sql.append(" and object_id = :objectId");
            params.put("objectId", query.objectId());
        }
        if (query.outcome() != null) {
            sql.append(" and outcome = :outcome");
            params.put("outcome", query.outcome().name());
        }
        if (query.before() != null) {
            sql.append(" and id < :before");
            params.put("before", query.before());
        }
        // id order is the chain's order: the order the entries were committed in, whatever the nodes' clocks said
        sql.append(" order by id desc limit :limit");
        params.put("limit", query.size() + 1);
        List<AuditEntry> found = jdbc.sql(sql.toString()).params(params).query(AuditEntryRows.MAPPER).list();
        if (found.size() > query.size()) {
            List<AuditEntry> page = found.subList(0, query.size());
            return new AuditPage(page, page.get(page.size() - 1).id(), scope);
        }
        return new AuditPage(found, null, scope);
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }
}
