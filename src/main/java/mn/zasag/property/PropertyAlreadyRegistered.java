package mn.zasag.property;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A property with this certificate number is already registered. */
public class PropertyAlreadyRegistered extends ProblemException {
    public PropertyAlreadyRegistered() {
        super(HttpStatus.CONFLICT, "certificate_exists", "A property with this certificate number is already registered");
    }
}
