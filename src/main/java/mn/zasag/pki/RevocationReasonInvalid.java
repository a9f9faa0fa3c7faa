package mn.zasag.pki;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The reason is not one of RFC 5280's, or one that a revocation may not give (certificateHold, removeFromCRL). */
public class RevocationReasonInvalid extends ProblemException {
    public RevocationReasonInvalid(String reason) {
        super(HttpStatus.BAD_REQUEST, "revocation_reason_invalid", "Not a revocation reason: " + reason, reason);
    }
}
