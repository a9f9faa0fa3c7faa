package mn.zasag.identity;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A staff account named an agency that is not registered, or a role that needs none. */
public class UnknownAgency extends ProblemException {
    public UnknownAgency(String code) {
        super(HttpStatus.BAD_REQUEST, "agency_unknown", "Unknown agency: " + code, code);
    }
}
