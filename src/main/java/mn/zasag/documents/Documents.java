package mn.zasag.documents;

import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * The API other modules use to issue documents and to find the ones issued.
 * CONTRACT ONLY: the documents helper replaces this class with the real implementation (same signatures).
 */
@Service
public class Documents {

    /** Makes, seals and stores the PDF(s) in the caller's transaction; audited. Idempotent on (type, sourceReference). */
    public IssuedDocument issue(NewDocument document) {
        throw new IllegalStateException("documents module not built yet");
    }

    /** The documents issued from this source (e.g. an application reference), newest first. */
    public List<IssuedDocument> fromSource(String sourceReference) {
        return List.of();
    }

    public Optional<IssuedDocument> find(String id) {
        return Optional.empty();
    }
}
