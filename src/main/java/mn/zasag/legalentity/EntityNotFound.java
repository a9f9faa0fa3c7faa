package mn.zasag.legalentity;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No legal entity (or reference) with this number. */
public class EntityNotFound extends ProblemException {
    public EntityNotFound() {
        super(HttpStatus.NOT_FOUND, "entity_not_found", "No legal entity with this registration number");
    }
}
