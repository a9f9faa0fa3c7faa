package mn.zasag.socialinsurance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/** One month's social insurance contribution an employer paid for an insured person, on a wage. */
public record Contribution(long id, String registerNumber, String employer, YearMonth month, BigDecimal wage,
                           BigDecimal amount, OffsetDateTime recordedAt, String registrar, String registrarAgency,
                           String legalBasis) {
}
