package mn.zasag.identity.internal;

import mn.zasag.identity.WeakPassword;

/**
 * Length over composition rules, as NIST SP 800-63B advises: at least 10 characters, at most 128 (Argon2
 * hashes anything, but an unbounded input is a denial-of-service lever), and not the login itself.
 */
public final class PasswordPolicy {

    public static final int MIN = 10;
    public static final int MAX = 128;

    private PasswordPolicy() {
    }

    public static void check(String password, String login) {
        if (password == null || password.length() < MIN || password.length() > MAX
                || password.isBlank() || password.equalsIgnoreCase(login)) {
            throw new WeakPassword();
        }
    }
}
