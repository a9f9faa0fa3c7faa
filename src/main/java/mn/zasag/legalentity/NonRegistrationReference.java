package mn.zasag.legalentity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The reference a kiosk prints: whether a person (by register number) is a founder or director of any
 * legal entity, or whether a name is registered as one. Kept, so its number can be checked later.
 *
 * @param number     the reference number, e.g. {@code ЛБ-20261127-000042}
 * @param kind       {@code PERSON} or {@code NAME}
 * @param subject    the register number or the name asked about
 * @param registered false when the person founds or directs no entity (or no live entity has the name):
 *                   the "non-registration" the reference states; true lists the facts instead
 * @param entities   the entities found and the subject's role in each ({@code FOUNDER}, {@code DIRECTOR},
 *                   {@code NAME})
 */
public record NonRegistrationReference(String number, String kind, String subject, boolean registered,
                                       OffsetDateTime issuedAt, List<Fact> entities) {

    /** One entity the subject is linked to. */
    public record Fact(String registrationNumber, String nameMn, EntityStatus status, String role) {
    }
}
