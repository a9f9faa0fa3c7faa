package mn.zasag.applications.internal;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A request on an application the engine refuses; pages show the message, the API a problem. */
public class ApplicationRefused extends ProblemException {

    ApplicationRefused(HttpStatus status, String code) {
        super(status, code, code.replace('_', ' '));
    }

    static ApplicationRefused conflict(String code) {
        return new ApplicationRefused(HttpStatus.CONFLICT, code);
    }

    static ApplicationRefused invalid(String code) {
        return new ApplicationRefused(HttpStatus.UNPROCESSABLE_CONTENT, code);
    }
}
