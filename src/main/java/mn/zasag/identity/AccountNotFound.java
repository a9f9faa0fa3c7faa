package mn.zasag.identity;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No account with this id is visible to the caller. */
public class AccountNotFound extends ProblemException {
    public AccountNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "account_not_found", "No such account: " + id, id);
    }
}
