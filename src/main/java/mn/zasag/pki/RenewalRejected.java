package mn.zasag.pki;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A renewal the CA will not make: the new request names another subject. */
public class RenewalRejected extends ProblemException {

    public static final String SUBJECT_MISMATCH = "renewal_subject_mismatch";

    public RenewalRejected(String code, String detail) {
        super(HttpStatus.BAD_REQUEST, code, detail);
    }
}
