package mn.zasag.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One registered civil event, never changed once written.
 *
 * @param occurredOn      when it happened (the birth, the wedding, the move)
 * @param recordedAt      when the registrar recorded it
 * @param registrar       login of the registrar, or null for a system load
 * @param registrarAgency agency of the registrar
 * @param legalBasis      the document or article it rests on, e.g. a certificate number
 * @param otherParty      the spouse, for a marriage or divorce
 * @param details         what changed (new address, new card number, new names)
 */
public record CivilEvent(long id, String registerNumber, CivilEventType type, LocalDate occurredOn,
                         OffsetDateTime recordedAt, String registrar, String registrarAgency, String legalBasis,
                         String otherParty, Map<String, String> details) {
}
