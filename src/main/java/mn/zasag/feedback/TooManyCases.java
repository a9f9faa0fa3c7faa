package mn.zasag.feedback;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** Too many cases from one number or address in a short time: a flood, refused until the window passes. */
public class TooManyCases extends ProblemException {
    public TooManyCases() {
        super(HttpStatus.TOO_MANY_REQUESTS, "feedback_rate_limited", "Too many cases from this source; try later");
    }
}
