package mn.zasag.applications.internal.actions;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * An approval action refuses: the application's answers do not allow the change (the officer sees why and
 * the approval is rolled back). Codes each have a {@code problem.<code>} message.
 */
class ActionRefused extends ProblemException {

    static final List<String> CODES = List.of("answer_missing", "not_the_owner", "driving_test_not_passed",
            "not_a_director", "report_line_invalid", "customs_debt_outstanding", "provider_alive",
            "refund_exceeds_price");

    ActionRefused(String code, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, "The application cannot be approved: " + code
                + (detail == null ? "" : " (" + detail + ")"));
    }
}
