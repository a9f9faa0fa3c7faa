package mn.zasag.customs;

import mn.zasag.shared.Party;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A debt assessed for one customs declaration, its payments and what is still owed (derived). */
public record CustomsDebt(long id, Party debtor, String declaration, BigDecimal amount, LocalDate assessedOn,
                          OffsetDateTime recordedAt, String registrar, String legalBasis, List<Payment> payments,
                          BigDecimal outstanding, Status status) {

    public enum Status { OPEN, PAID }

    public record Payment(long id, long debtId, BigDecimal amount, LocalDate paidOn, OffsetDateTime recordedAt,
                          String registrar, String legalBasis) {
    }
}
