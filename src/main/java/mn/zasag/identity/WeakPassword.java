package mn.zasag.identity;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The password breaks the policy (length, or it repeats the login). */
public class WeakPassword extends ProblemException {
    public WeakPassword() {
        super(HttpStatus.BAD_REQUEST, "password_weak", "The password does not meet the policy");
    }
}
