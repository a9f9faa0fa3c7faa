package mn.zasag.pki;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No certificate profile has this code. */
public class ProfileNotFound extends ProblemException {
    public ProfileNotFound(String code) {
        super(HttpStatus.BAD_REQUEST, "certificate_profile_not_found", "No certificate profile " + code, code);
    }
}
