package mn.zasag.registry;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** An officer or system reading a person's record must say why (the legal basis is audited). */
public class LegalBasisRequired extends ProblemException {
    public LegalBasisRequired() {
        super(HttpStatus.BAD_REQUEST, "legal_basis_required", "Give the legal basis or purpose of this read");
    }
}
