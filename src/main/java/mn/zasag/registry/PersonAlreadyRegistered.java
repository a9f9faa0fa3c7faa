package mn.zasag.registry;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A person with this register number (or this ID card number) is already registered. */
public class PersonAlreadyRegistered extends ProblemException {
    public PersonAlreadyRegistered(String code) {
        super(HttpStatus.CONFLICT, code, "Already registered");
    }
}
