package mn.zasag.property;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A search result: the property without its owners (who may be persons, read one by one). */
public record PropertySummary(String certificateNumber, String addressDivision, String addressLine, BigDecimal area,
                              String purpose, LocalDate registeredOn) {
}
