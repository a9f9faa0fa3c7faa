package mn.zasag.pki;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No certificate authority has this code. */
public class AuthorityNotFound extends ProblemException {
    public AuthorityNotFound(String code) {
        super(HttpStatus.NOT_FOUND, "certificate_authority_not_found", "No certificate authority " + code, code);
    }
}
