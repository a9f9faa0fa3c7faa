package mn.zasag.feedback;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The case is in another agency's queue: only its own officers act on it (the centre only re-routes). */
public class NotCaseAgency extends ProblemException {
    public NotCaseAgency() {
        super(HttpStatus.FORBIDDEN, "feedback_not_your_agency", "The case belongs to another agency");
    }
}
