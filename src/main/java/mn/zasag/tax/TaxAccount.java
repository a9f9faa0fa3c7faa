package mn.zasag.tax;

import mn.zasag.shared.Party;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A taxpayer with their ledger and what it adds up to: the balance owed per tax type (assessed less paid),
 * the total, and whether they have no tax debt (the total is zero) as of a day.
 */
public record TaxAccount(Party taxpayer, String office, LocalDate registeredOn, List<TaxEntry> entries,
                         Map<TaxType, BigDecimal> balances, BigDecimal balance, boolean noDebt, LocalDate asOf) {
}
