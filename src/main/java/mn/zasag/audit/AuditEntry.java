package mn.zasag.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/** One row of the audit trail as stored, with its place in the hash chain. */
public record AuditEntry(long id, OffsetDateTime at, String action, String outcome, Long actorId, String actorLogin,
                         String actorAgency, String objectType, String objectId, String ip, Map<String, String> details,
                         String previousHash, String hash) {
}
