package mn.zasag.tax;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A refusal of the tax registry; the code says which rule (see docs/ARCHITECTURE.md). */
public class TaxProblem extends ProblemException {

    /** Every code; each has a {@code problem.<code>} message. */
    public static final List<String> CODES = List.of("taxpayer_not_found", "taxpayer_exists", "taxpayer_unknown",
            "tax_owner_only", "tax_office_unknown", "amount_invalid", "payment_exceeds_debt", "date_in_future",
            "date_before_registration", "entry_details_invalid");

    private TaxProblem(HttpStatus status, String code) {
        super(status, code, "Refused by the tax registry: " + code);
    }

    static TaxProblem invalid(String code) {
        return new TaxProblem(HttpStatus.BAD_REQUEST, code);
    }

    static TaxProblem refused(String code) {
        return new TaxProblem(HttpStatus.UNPROCESSABLE_CONTENT, code);
    }

    static TaxProblem conflict(String code) {
        return new TaxProblem(HttpStatus.CONFLICT, code);
    }

    public static TaxProblem notFound() {
        return new TaxProblem(HttpStatus.NOT_FOUND, "taxpayer_not_found");
    }

    static TaxProblem ownerOnly() {
        return new TaxProblem(HttpStatus.FORBIDDEN, "tax_owner_only");
    }
}
