package mn.zasag.property;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/** One registration on a property, never changed once written; {@code details} says what it set. */
public record PropertyChange(long id, String certificateNumber, PropertyChangeType type, LocalDate occurredOn,
                             OffsetDateTime recordedAt, String registrar, String registrarAgency, String legalBasis,
                             Map<String, String> details) {
}
