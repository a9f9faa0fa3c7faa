package mn.zasag.pki;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A detached signature request or check that cannot go ahead: no file, or a signature that is not CMS. */
public class CadesRejected extends ProblemException {

    public static final String CONTENT_EMPTY = "cades_content_empty";
    public static final String SIGNATURE_MALFORMED = "cades_signature_malformed";

    public CadesRejected(String code, String detail) {
        super(HttpStatus.BAD_REQUEST, code, detail);
    }
}
