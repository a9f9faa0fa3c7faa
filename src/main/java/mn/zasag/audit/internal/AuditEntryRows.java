package mn.zasag.audit.internal;

import mn.zasag.audit.AuditEntry;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code audit.entry} rows back exactly as they were written, so that search shows them and
 * verification can recompute their hashes.
 */
public final class AuditEntryRows {

    /** Every column, in the order of {@link AuditEntry}'s components. */
    public static final String COLUMNS = "id, at, action, outcome, actor_id, actor_login, actor_agency, object_type, "
            + "object_id, ip, details::text as details, previous_hash, hash";

    public static final RowMapper<AuditEntry> MAPPER = AuditEntryRows::map;

    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
    };

    private AuditEntryRows() {
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("action"),
                rs.getString("outcome"), rs.getObject("actor_id", Long.class), rs.getString("actor_login"),
                rs.getString("actor_agency"), rs.getString("object_type"), rs.getString("object_id"), rs.getString("ip"),
                details(rs.getString("details")), rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static Map<String, String> details(String json) {
        // LinkedHashMap, not Map.copyOf: a tampered row may hold a null value, and verification must see it
        return json == null ? Map.of() : JsonMapper.shared().readValue(json, DETAILS);
    }
}
