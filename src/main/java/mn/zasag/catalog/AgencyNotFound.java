package mn.zasag.catalog;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No agency has this code. */
public class AgencyNotFound extends ProblemException {
    public AgencyNotFound(String code) {
        super(HttpStatus.NOT_FOUND, "agency_not_found", "No agency with code " + code, code);
    }
}
