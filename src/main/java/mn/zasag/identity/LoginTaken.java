package mn.zasag.identity;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** An account with this login (or register number) already exists. */
public class LoginTaken extends ProblemException {
    public LoginTaken() {
        super(HttpStatus.CONFLICT, "account_exists", "An account with this login already exists");
    }
}
