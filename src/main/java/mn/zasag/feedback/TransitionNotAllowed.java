package mn.zasag.feedback;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The lifecycle does not allow this event in the case's current status. */
public class TransitionNotAllowed extends ProblemException {
    public TransitionNotAllowed(CaseEvent event, CaseStatus status) {
        super(HttpStatus.CONFLICT, "feedback_transition_not_allowed",
                "Event " + event + " is not allowed in status " + status, event, status);
    }
}
