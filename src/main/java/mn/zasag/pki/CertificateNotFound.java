package mn.zasag.pki;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No certificate with this serial number, or none the caller may see. */
public class CertificateNotFound extends ProblemException {
    public CertificateNotFound(String serial) {
        super(HttpStatus.NOT_FOUND, "certificate_not_found", "No certificate with serial " + serial, serial);
    }
}
