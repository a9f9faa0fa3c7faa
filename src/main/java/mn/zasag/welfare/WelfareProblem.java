package mn.zasag.welfare;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A refusal of the welfare register; the code says which rule. */
public class WelfareProblem extends ProblemException {

    /** Every code; each has a {@code problem.<code>} message. */
    public static final List<String> CODES = List.of("welfare_owner_only", "beneficiary_unknown", "beneficiary_deceased",
            "welfare_amount_invalid", "welfare_period_invalid", "pension_already_granted", "welfare_details_invalid");

    private WelfareProblem(HttpStatus status, String code) {
        super(status, code, "Refused by the welfare register: " + code);
    }

    static WelfareProblem invalid(String code) {
        return new WelfareProblem(HttpStatus.BAD_REQUEST, code);
    }

    static WelfareProblem refused(String code) {
        return new WelfareProblem(HttpStatus.UNPROCESSABLE_CONTENT, code);
    }

    static WelfareProblem ownerOnly() {
        return new WelfareProblem(HttpStatus.FORBIDDEN, "welfare_owner_only");
    }
}
