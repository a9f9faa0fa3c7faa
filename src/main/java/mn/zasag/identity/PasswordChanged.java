package mn.zasag.identity;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Someone changed their own password. Published inside the changing transaction, so that the warning
 * to the account's owner ("was this you?") is recorded exactly when the change is.
 *
 * @param mobile may be null (staff accounts have none)
 * @param email  may be null
 * @param locale the language of the page the change was made on, or null
 */
public record PasswordChanged(long accountId, String givenName, String mobile, String email, OffsetDateTime at,
                              Locale locale) {

    @Override
    public String toString() {
        return "PasswordChanged[accountId=" + accountId + "]";
    }
}
