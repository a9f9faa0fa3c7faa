package mn.zasag.identity;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The current password given to confirm a change is not the account's password. */
public class WrongPassword extends ProblemException {
    public WrongPassword() {
        super(HttpStatus.BAD_REQUEST, "password_wrong", "The current password is wrong");
    }
}
