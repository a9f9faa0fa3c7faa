package mn.zasag.feedback.internal;

import java.util.regex.Pattern;

/**
 * A first redaction of a text before it is published: email addresses, phone-like numbers and register
 * numbers are masked. Operators can replace it with their own; names need a person's eye.
 */
final class Redaction {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final Pattern REGISTER_NUMBER = Pattern.compile("[А-ЯӨҮЁ]{2}\\d{8}", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d\\s-]{4,}\\d");

    private Redaction() {
    }

    static String redact(String text) {
        String t = EMAIL.matcher(text).replaceAll("***");
        t = REGISTER_NUMBER.matcher(t).replaceAll("***");
        return NUMBER.matcher(t).replaceAll("***");
    }
}
