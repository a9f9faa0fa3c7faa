package mn.zasag.registry;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No bulk import with this id is known (on this node or in the table of imports), or it has no rejects file. */
public class ImportNotFound extends ProblemException {
    public ImportNotFound() {
        super(HttpStatus.NOT_FOUND, "import_not_found", "No import with this id");
    }
}
