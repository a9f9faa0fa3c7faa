package mn.zasag.feedback;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No case with this reference, or none the caller may see (the same answer, so references cannot be probed). */
public class CaseNotFound extends ProblemException {
    public CaseNotFound() {
        super(HttpStatus.NOT_FOUND, "feedback_case_not_found", "No such case");
    }
}
