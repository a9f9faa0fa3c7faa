package mn.zasag.property;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A mortgage or lien to register on a property. */
public record NewEncumbrance(EncumbranceType type, String holderName, String holderEntity, BigDecimal amount,
                             LocalDate registeredOn, String legalBasis) {
}
