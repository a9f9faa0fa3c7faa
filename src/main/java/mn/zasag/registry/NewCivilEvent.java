package mn.zasag.registry;

import java.time.LocalDate;

/**
 * A civil event to record on a person. Which of the optional fields are needed depends on the type:
 * the spouse for a marriage; the division (and line) for an address change; the card number for an ID
 * card; the new names for a name change. A divorce ends the current marriage.
 */
public record NewCivilEvent(CivilEventType type, LocalDate occurredOn, String legalBasis, String spouse,
                            String divisionCode, String addressLine, String civilId, String clanName,
                            String familyName, String givenName) {

    public static NewCivilEvent marriage(LocalDate on, String legalBasis, String spouse) {
        return new NewCivilEvent(CivilEventType.MARRIAGE, on, legalBasis, spouse, null, null, null, null, null, null);
    }

    public static NewCivilEvent divorce(LocalDate on, String legalBasis) {
        return new NewCivilEvent(CivilEventType.DIVORCE, on, legalBasis, null, null, null, null, null, null, null);
    }

    public static NewCivilEvent addressChange(LocalDate on, String legalBasis, String division, String line) {
        return new NewCivilEvent(CivilEventType.ADDRESS_CHANGE, on, legalBasis, null, division, line, null, null, null, null);
    }

    public static NewCivilEvent idCard(LocalDate on, String legalBasis, String civilId) {
        return new NewCivilEvent(CivilEventType.ID_CARD_ISSUE, on, legalBasis, null, null, null, civilId, null, null, null);
    }

    public static NewCivilEvent nameChange(LocalDate on, String legalBasis, String clan, String family, String given) {
        return new NewCivilEvent(CivilEventType.NAME_CHANGE, on, legalBasis, null, null, null, null, clan, family, given);
    }

    public static NewCivilEvent death(LocalDate on, String legalBasis) {
        return new NewCivilEvent(CivilEventType.DEATH, on, legalBasis, null, null, null, null, null, null, null);
    }
}
