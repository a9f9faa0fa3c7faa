package mn.zasag.notifications;

import java.util.Objects;

/**
 * Who asks for a message and their own name for it (e.g. {@code identity} and {@code account-42-welcome}).
 * A second send with the same reference is the same message: it is recorded once.
 */
public record CallerReference(String caller, String reference) {

    public CallerReference {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(reference, "reference");
        if (!caller.matches("[a-z][a-z0-9_.-]{0,63}") || reference.isBlank() || reference.length() > 200) {
            throw new IllegalArgumentException("caller reference " + caller + "/" + reference);
        }
    }
}
