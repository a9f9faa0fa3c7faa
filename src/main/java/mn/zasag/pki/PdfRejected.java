package mn.zasag.pki;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A PDF the platform will not seal: absent, not a PDF, encrypted, or too large. */
public class PdfRejected extends ProblemException {

    public static final String EMPTY = "pdf_empty";
    public static final String MALFORMED = "pdf_malformed";
    public static final String ENCRYPTED = "pdf_encrypted";
    public static final String TOO_LARGE = "pdf_too_large";

    public PdfRejected(String code, String detail) {
        super(HttpStatus.BAD_REQUEST, code, detail);
    }
}
