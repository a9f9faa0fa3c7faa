package mn.zasag.catalog;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No service of the catalogue has this code. */
public class ServiceNotFound extends ProblemException {
    public ServiceNotFound(String code) {
        super(HttpStatus.NOT_FOUND, "service_not_found", "No service with code " + code, code);
    }
}
