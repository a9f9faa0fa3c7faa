package mn.zasag.registry;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How long a national ID card is valid. Mongolia issues the first card at 16 and replaces it at 25 and at 45
 * (Law on the Legal Status of Citizens' Registration, the ID card article); the card issued at or after 45 has
 * no end date. A card issued before 25 is valid until the 25th birthday, one issued before 45 until the 45th.
 */
public final class IdCardValidity {

    private IdCardValidity() {
    }

    /** The last day the card is valid, or empty when it does not expire. */
    public static Optional<LocalDate> validUntil(LocalDate birthDate, LocalDate issuedOn) {
        if (issuedOn.isBefore(birthDate.plusYears(25))) {
            return Optional.of(birthDate.plusYears(25).minusDays(1));
        }
        if (issuedOn.isBefore(birthDate.plusYears(45))) {
            return Optional.of(birthDate.plusYears(45).minusDays(1));
        }
        return Optional.empty();
    }

    /** The day the person's current card was issued: the last ID card event, or null when the registry has none. */
    public static LocalDate issuedOn(java.util.List<CivilEvent> history) {
        LocalDate issued = null;
        for (CivilEvent e : history) {
            if (e.type() == CivilEventType.ID_CARD_ISSUE) {
                issued = e.occurredOn();
            }
        }
        return issued;
    }
}
