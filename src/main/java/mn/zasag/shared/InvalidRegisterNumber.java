package mn.zasag.shared;

import java.util.Locale;
import java.util.Objects;

/**
 * A citizen register number (регистрийн дугаар) that cannot belong to anyone. The {@link Reason}
 * says which rule it broke, so a form can tell the citizen what to fix rather than just «invalid».
 *
 * <p>The message never contains the rejected input: register numbers identify people, and
 * exception messages end up in logs.
 *
 * @see RegisterNumber
 */
public final class InvalidRegisterNumber extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Which rule the input broke; the first broken rule wins, in declaration order. */
    public enum Reason {
        /** Nothing was entered. */
        BLANK,
        /** Not ten characters. */
        LENGTH,
        /** The first two characters are not letters of the Mongolian Cyrillic alphabet. */
        LETTERS,
        /**
         * A Latin letter where a Cyrillic one belongs, nearly always the keyboard being on the wrong
         * layout («A» and «А» look the same), so it gets its own, more helpful, message.
         */
        LATIN_LETTERS,
        /** The last eight characters are not all the digits 0-9. */
        DIGITS,
        /** The first six digits do not encode a real calendar date. */
        BIRTH_DATE,
        /** The encoded birth date has not happened yet. */
        FUTURE_BIRTH_DATE
    }

    private final Reason reason;

    InvalidRegisterNumber(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** Message bundle key, e.g. {@code registerNumber.invalid.latin_letters}. */
    public String messageKey() {
        // ROOT: under a Turkish default locale "LATIN_LETTERS" would lowercase to a dotless ı.
        return "registerNumber.invalid." + reason.name().toLowerCase(Locale.ROOT);
    }
}
