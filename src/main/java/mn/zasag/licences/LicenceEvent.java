package mn.zasag.licences;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One entry of a holder's licence history, never changed once written. */
public record LicenceEvent(long id, String number, String holder, Type type, LocalDate occurredOn, OffsetDateTime recordedAt,
                           String registrar, String registrarAgency, String legalBasis, String details) {

    public enum Type { ISSUE, RENEWAL, REPLACEMENT, CATEGORY_ADDED, INVALIDATED, INTERNATIONAL_PERMIT }
}
