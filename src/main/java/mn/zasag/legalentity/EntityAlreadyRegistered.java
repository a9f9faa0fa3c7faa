package mn.zasag.legalentity;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The registration number ({@code entity_exists}) or the name of a live entity ({@code entity_name_taken}) is taken. */
public class EntityAlreadyRegistered extends ProblemException {
    public EntityAlreadyRegistered(String code) {
        super(HttpStatus.CONFLICT, code, "Already registered: " + code);
    }
}
