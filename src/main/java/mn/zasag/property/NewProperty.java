package mn.zasag.property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A property right to register, as the registrar entered it. */
public record NewProperty(String certificateNumber, String addressDivision, String addressLine, BigDecimal area,
                          String purpose, LocalDate registeredOn, List<Owner> owners, String legalBasis) {
}
