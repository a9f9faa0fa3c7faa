package mn.zasag.applications.internal;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No such application, or not one this person may see (the same answer, so that references cannot be probed). */
public class ApplicationNotFound extends ProblemException {

    public ApplicationNotFound() {
        super(HttpStatus.NOT_FOUND, "application_not_found", "No such application");
    }
}
