package mn.zasag.licences;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A traffic violation on a driver's record: the article of the Law on Infringements and the fine imposed. */
public record Violation(long id, String holder, LocalDate occurredOn, String article, String description, BigDecimal fine) {
}
