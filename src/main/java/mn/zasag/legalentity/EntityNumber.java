package mn.zasag.legalentity;

import java.util.regex.Pattern;

/**
 * A legal entity's state registration number (улсын бүртгэлийн дугаар / регистрийн дугаар): seven digits.
 *
 * <p>Only the format is checked. The number is assigned by the General Authority for State Registration
 * and also serves as the entity's taxpayer number. We looked for a published rule that makes the seventh
 * digit a check digit (a weighting scheme or a modulus) and found none, so none is enforced: a made-up
 * rule would reject real numbers. If the authority publishes one, add it to {@link #isValid} and cite it
 * here.
 */
public final class EntityNumber {

    private static final Pattern FORMAT = Pattern.compile("^[0-9]{7}$");

    private EntityNumber() {
    }

    /** Whether the text, without surrounding spaces, is a well-formed registration number. */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text.strip()).matches();
    }

    /** The canonical form (surrounding spaces dropped), or an {@link EntityRefused} {@code entity_number_invalid}. */
    public static String parse(String text) {
        if (!isValid(text)) {
            throw new EntityRefused("entity_number_invalid");
        }
        return text.strip();
    }
}
