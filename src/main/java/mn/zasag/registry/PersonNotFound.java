package mn.zasag.registry;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No person with this register number is in the civil registry. */
public class PersonNotFound extends ProblemException {
    public PersonNotFound() {
        super(HttpStatus.NOT_FOUND, "person_not_found", "No person with this register number");
    }
}
