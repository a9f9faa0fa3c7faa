package mn.zasag.pki;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A PAdES level the platform does not produce. */
public class SignatureLevelUnsupported extends ProblemException {

    public SignatureLevelUnsupported(String level) {
        super(HttpStatus.BAD_REQUEST, "signature_level_unsupported", "Unsupported PAdES level '" + level + "': use B-B, B-T or B-LT.");
    }
}
