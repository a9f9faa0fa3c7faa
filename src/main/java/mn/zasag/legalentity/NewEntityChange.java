package mn.zasag.legalentity;

import java.time.LocalDate;
import java.util.List;

/**
 * A change to record on a registered entity. Which optional fields are needed depends on the type: the
 * names for a name change; the division (and line) for an address change; the founders for a founders
 * change; the directors' register numbers for a directors change. Suspension, reinstatement and
 * liquidation need only the date.
 */
public record NewEntityChange(EntityChangeType type, LocalDate occurredOn, String legalBasis, String nameMn,
                              String nameEn, String addressDivision, String addressLine, List<Founder> founders,
                              List<String> directors) {

    public static NewEntityChange status(EntityChangeType type, LocalDate on, String legalBasis) {
        return new NewEntityChange(type, on, legalBasis, null, null, null, null, null, null);
    }

    public static NewEntityChange founders(LocalDate on, String legalBasis, List<Founder> founders) {
        return new NewEntityChange(EntityChangeType.FOUNDERS_CHANGE, on, legalBasis, null, null, null, null, founders, null);
    }

    public static NewEntityChange directors(LocalDate on, String legalBasis, List<String> directors) {
        return new NewEntityChange(EntityChangeType.DIRECTORS_CHANGE, on, legalBasis, null, null, null, null, null, directors);
    }
}
