package mn.zasag.documents;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A request about a document the rules refuse; the code says which rule. */
public class DocumentRefused extends ProblemException {

    static DocumentRefused invalid(String code, String detail) {
        return new DocumentRefused(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }

    static DocumentRefused notIssuer() {
        return new DocumentRefused(HttpStatus.FORBIDDEN, "document_not_issuer", "Only the issuing agency may revoke this document.");
    }

    static DocumentRefused alreadyRevoked() {
        return new DocumentRefused(HttpStatus.CONFLICT, "document_already_revoked", "This document is revoked already.");
    }

    static DocumentRefused languageUnavailable() {
        return new DocumentRefused(HttpStatus.NOT_FOUND, "document_language_unavailable", "This document was not issued in that language.");
    }

    static DocumentRefused languageInvalid() {
        return new DocumentRefused(HttpStatus.BAD_REQUEST, "document_language_invalid", "The language is mn or en.");
    }

    private DocumentRefused(HttpStatus status, String code, String detail) {
        super(status, code, detail);
    }
}
