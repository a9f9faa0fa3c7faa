package mn.zasag.welfare;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A granted welfare pension, benefit or refund.
 *
 * @param monthly   paid every month from {@code fromDate} (until {@code untilDate}, or for life when null); else once
 * @param reference the decision it rests on (the application's reference)
 */
public record WelfareBenefit(long id, String registerNumber, Kind kind, boolean monthly, BigDecimal amount,
                             LocalDate fromDate, LocalDate untilDate, String reference) {

    public enum Kind {
        RETIREMENT_PENSION, DISABILITY_PENSION, SURVIVOR_PENSION, MATERNITY_CHILD_BENEFIT, PROSTHESIS_REFUND, SANATORIUM_REFUND;

        public boolean pension() {
            return name().endsWith("_PENSION");
        }
    }

    /** Being paid on the day. */
    public boolean currentOn(LocalDate day) {
        return !fromDate.isAfter(day) && (untilDate == null || !untilDate.isBefore(day));
    }
}
