package mn.zasag.property;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No property with this certificate number. */
public class PropertyNotFound extends ProblemException {
    public PropertyNotFound() {
        super(HttpStatus.NOT_FOUND, "property_not_found", "No property with this certificate number");
    }
}
