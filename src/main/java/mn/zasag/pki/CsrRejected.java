package mn.zasag.pki;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A certificate signing request the CA will not sign: unreadable, forged, or with a weak key. */
public class CsrRejected extends ProblemException {

    public static final String MALFORMED = "csr_malformed";
    public static final String SIGNATURE_INVALID = "csr_signature_invalid";
    public static final String KEY_TOO_WEAK = "csr_key_too_weak";
    public static final String KEY_UNSUPPORTED = "csr_key_unsupported";
    public static final String SUBJECT_MISSING = "csr_subject_missing";

    public CsrRejected(String code, String detail) {
        super(HttpStatus.BAD_REQUEST, code, detail);
    }
}
