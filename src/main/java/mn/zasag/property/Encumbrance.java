package mn.zasag.property;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A mortgage or lien on a property, in force until released.
 *
 * @param holderEntity the holder's registration number when it is a legal entity (a bank), or null
 * @param amount       the secured amount in tögrög
 */
public record Encumbrance(long id, EncumbranceType type, String holderName, String holderEntity, BigDecimal amount,
                          LocalDate registeredOn, LocalDate releasedOn) {

    public boolean active() {
        return releasedOn == null;
    }
}
