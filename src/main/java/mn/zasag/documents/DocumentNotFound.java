package mn.zasag.documents;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No such document, or none the caller may see (the answer is the same, so it tells nothing). */
public class DocumentNotFound extends ProblemException {

    DocumentNotFound() {
        super(HttpStatus.NOT_FOUND, "document_not_found", "No document with this code or id.");
    }
}
