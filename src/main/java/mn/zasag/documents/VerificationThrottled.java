package mn.zasag.documents;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** This client address looked up too many codes that match no document lately; it may try again later. */
public class VerificationThrottled extends ProblemException {

    public VerificationThrottled() {
        super(HttpStatus.TOO_MANY_REQUESTS, "document_verify_throttled",
                "Too many codes from this address matched no document. Try again later.");
    }
}
