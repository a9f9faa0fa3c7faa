package mn.zasag.documents;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A verification code that cannot be one of ours: wrong length or symbols, or a check symbol that does not match. */
public class DocumentCodeInvalid extends ProblemException {

    static final String MALFORMED = "document_code_malformed";
    static final String MISTYPED = "document_code_mistyped";

    DocumentCodeInvalid(String code) {
        super(HttpStatus.BAD_REQUEST, code, MALFORMED.equals(code)
                ? "A verification code is eight letters and digits, like K7M2-9XQF."
                : "A symbol of this verification code is mistyped: compare it with the document.");
    }
}
