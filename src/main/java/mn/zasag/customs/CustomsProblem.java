package mn.zasag.customs;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A refusal of the customs debt registry; the code says which rule (see docs/ARCHITECTURE.md). */
public class CustomsProblem extends ProblemException {

    /** Every code; each has a {@code problem.<code>} message. */
    public static final List<String> CODES = List.of("debt_not_found", "debtor_unknown", "customs_owner_only",
            "declaration_invalid", "declaration_exists", "amount_invalid", "payment_exceeds_debt", "date_in_future",
            "date_before_assessment");

    private CustomsProblem(HttpStatus status, String code) {
        super(status, code, "Refused by the customs debt registry: " + code);
    }

    static CustomsProblem invalid(String code) {
        return new CustomsProblem(HttpStatus.BAD_REQUEST, code);
    }

    static CustomsProblem refused(String code) {
        return new CustomsProblem(HttpStatus.UNPROCESSABLE_CONTENT, code);
    }

    static CustomsProblem conflict(String code) {
        return new CustomsProblem(HttpStatus.CONFLICT, code);
    }

    public static CustomsProblem notFound() {
        return new CustomsProblem(HttpStatus.NOT_FOUND, "debt_not_found");
    }

    static CustomsProblem ownerOnly() {
        return new CustomsProblem(HttpStatus.FORBIDDEN, "customs_owner_only");
    }
}
