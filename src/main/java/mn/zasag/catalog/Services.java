package mn.zasag.catalog;

import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * The public services catalogue: the API other modules use to look services up.
 * CONTRACT ONLY: the catalogue helper replaces this class with the real implementation (same signatures).
 */
@Service
public class Services {

    public Optional<PublicService> find(String code) {
        return Optional.empty();
    }

    /** The services that can be applied for online (those with a form). */
    public List<PublicService> online() {
        return List.of();
    }
}
