package mn.zasag.registry;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** Only officers of the agency that owns a registry change it. */
public class NotRegistryOwner extends ProblemException {
    public NotRegistryOwner() {
        super(HttpStatus.FORBIDDEN, "registry_owner_only", "Only the owning agency's officers change this registry");
    }
}
