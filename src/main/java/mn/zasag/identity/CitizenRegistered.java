package mn.zasag.identity;

import java.util.Locale;

/**
 * A citizen created their own account. Published inside the registering transaction, so a listener that
 * writes (e.g. the welcome message into the notifications outbox) commits or rolls back with it.
 *
 * @param locale the language the citizen registered in, or null when not registered through a page
 */
public record CitizenRegistered(long accountId, String givenName, String mobile, String email, Locale locale) {

    @Override
    public String toString() {
        return "CitizenRegistered[accountId=" + accountId + "]";
    }
}
