package mn.zasag.socialinsurance;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A refusal of the social insurance registry; the code says which rule (see docs/ARCHITECTURE.md). */
public class InsuranceProblem extends ProblemException {

    /** Every code; each has a {@code problem.<code>} message. */
    public static final List<String> CODES = List.of("insured_not_found", "insured_unknown", "insurance_owner_only",
            "employer_invalid", "employer_unknown", "month_invalid", "month_in_future", "month_before_birth", "amount_invalid",
            "amount_exceeds_wage", "contribution_exists", "insured_deceased", "category_invalid", "income_below_minimum",
            "voluntary_contract_exists", "health_insurance_exists", "period_invalid", "insured_months_too_few");

    private InsuranceProblem(HttpStatus status, String code) {
        super(status, code, "Refused by the social insurance registry: " + code);
    }

    static InsuranceProblem invalid(String code) {
        return new InsuranceProblem(HttpStatus.BAD_REQUEST, code);
    }

    static InsuranceProblem refused(String code) {
        return new InsuranceProblem(HttpStatus.UNPROCESSABLE_CONTENT, code);
    }

    static InsuranceProblem conflict(String code) {
        return new InsuranceProblem(HttpStatus.CONFLICT, code);
    }

    public static InsuranceProblem notFound() {
        return new InsuranceProblem(HttpStatus.NOT_FOUND, "insured_not_found");
    }

    static InsuranceProblem ownerOnly() {
        return new InsuranceProblem(HttpStatus.FORBIDDEN, "insurance_owner_only");
    }
}
