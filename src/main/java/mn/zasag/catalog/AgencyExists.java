package mn.zasag.catalog;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** An agency with this code is already registered. */
public class AgencyExists extends ProblemException {
    public AgencyExists(String code) {
        super(HttpStatus.CONFLICT, "agency_exists", "An agency with code " + code + " already exists", code);
    }
}
