package mn.zasag.customs;

import mn.zasag.shared.Party;

import java.math.BigDecimal;
import java.util.List;

/** A debtor's customs debts, newest first, the total still owed and whether they are clear of debt. */
public record CustomsRecord(Party debtor, List<CustomsDebt> debts, BigDecimal outstanding, boolean clear) {
}
