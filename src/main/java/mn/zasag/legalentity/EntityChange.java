package mn.zasag.legalentity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One registered change to a legal entity, never changed once written.
 *
 * @param details what the change set (new name, new address, new founders as {@code founders}, …)
 */
public record EntityChange(long id, String registrationNumber, EntityChangeType type, LocalDate occurredOn,
                           OffsetDateTime recordedAt, String registrar, String registrarAgency, String legalBasis,
                           Map<String, String> details) {
}
