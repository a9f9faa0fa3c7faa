package mn.zasag.socialinsurance;

import java.math.BigDecimal;
import java.util.List;

/**
 * An insured person's contributions, newest month first, and what they add up to: the insured months (each
 * calendar month with at least one contribution counts once, whatever the number of employers) and the total paid.
 */
public record InsuranceRecord(String registerNumber, List<Contribution> contributions, int insuredMonths,
                              BigDecimal totalPaid) {
}
