package mn.zasag.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One line of a taxpayer's append-only ledger: a debt assessed or a payment received, in tögrög. */
public record TaxEntry(long id, String taxpayer, Type type, TaxType taxType, BigDecimal amount, LocalDate occurredOn,
                       String reference, OffsetDateTime recordedAt, String registrar, String registrarAgency,
                       String legalBasis) {

    public enum Type { ASSESSMENT, PAYMENT }
}
