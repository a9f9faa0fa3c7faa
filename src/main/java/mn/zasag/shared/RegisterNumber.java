package mn.zasag.shared;

import static mn.zasag.shared.InvalidRegisterNumber.Reason.BIRTH_DATE;
import static mn.zasag.shared.InvalidRegisterNumber.Reason.BLANK;
import static mn.zasag.shared.InvalidRegisterNumber.Reason.DIGITS;
import static mn.zasag.shared.InvalidRegisterNumber.Reason.FUTURE_BIRTH_DATE;
import static mn.zasag.shared.InvalidRegisterNumber.Reason.LATIN_LETTERS;
import static mn.zasag.shared.InvalidRegisterNumber.Reason.LENGTH;
import static mn.zasag.shared.InvalidRegisterNumber.Reason.LETTERS;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The register number (регистрийн дугаар) of a Mongolian citizen, e.g. {@code УБ01230515}.
 * Every instance holds one that could really have been issued, in canonical form (upper case,
 * no surrounding spaces).
 *
 * <h2>The rule</h2>
 * <ol>
 *   <li>Ten characters: two letters, then eight digits.
 *   <li>The letters are the codes of the aimag/district and the sum/khoroo where the citizen lived
 *       when the number was issued. They are capitals of the 35-letter Mongolian Cyrillic alphabet:
 *       the Russian alphabet plus Ө and Ү.
 *   <li>Digits 1-6 are the birth date as YYMMDD. For people born in 2000 or later the month is
 *       written plus 20, so 2001-03-05 is {@code 012305}. Months 01-12 therefore mean 19YY and
 *       21-32 mean 20YY; {@code 00} with a month of 12 or less is 1900, not 2000.
 *   <li>Digit 7 (the 9th character, second to last) is the sex: odd for men, even (0 included) for
 *       women.
 *   <li>Digit 8 (the last) is a control code computed over the letters and the first seven digits.
 *       <strong>Its algorithm has not been published</strong>, so it is not checked here: any digit is
 *       accepted. A mistyped number with a real date therefore still passes; only the register
 *       itself can confirm that a number exists.
 * </ol>
 *
 * <h2>Sources, and where they fall short</h2>
 * <ul>
 *   <li>General Authority for State Registration, annex to the head's order No. 331 of 2010,
 *       «Регистрийн дугаарыг шинээр олгох, өөрчлөх, хүчингүй болгох журам» (procedure for issuing,
 *       changing and cancelling register numbers), §1.2:
 *       https://www.legalinfo.mn/annex/downloadDoc/395/.
 *       The official source for the layout (letters = place codes; then year, month, day; the 9th
 *       position = sex; the last = control code guarding the letters and first seven digits). It does
 *       not give the control code's algorithm, and the part of it that could be read does not spell
 *       out the +20 month or which parity means which sex.
 *   <li>Khentii aimag State Registration office, «Регистрийн дугаар ийм учиртай» (what the register
 *       number means):
 *       https://khentii.burtgel.gov.mn/post/62674.
 *       History: numbers were first issued in 1988, with letters taken from the aimags' names in
 *       alphabetical order.
 *   <li>Ganbaatar Bold, mongol_register_parser, README:
 *       https://github.com/ganbaaelmer/mongol_register_parser
 *       (also https://pypi.org/project/mongol-register-parser/).
 *       Restates the official layout and adds the +20 month for 2000 and later, and odd second-to-last
 *       digit = male, otherwise female. States that no reliable public description of the control
 *       digit exists, only a forum rumour that it is the remainder of a sum of the characters.
 *   <li>Khegal/pinecone, {@code DOM/date/index.js}:
 *       https://github.com/Khegal/pinecone. Independent code
 *       using the same +20 month and odd = male rules.
 *   <li>Wikipedia, «Mongolian Cyrillic alphabet»:
 *       https://en.wikipedia.org/wiki/Mongolian_Cyrillic_alphabet.
 *       The alphabet: Russian's 33 letters plus Ө and Ү.
 * </ul>
 * The sources do not contradict each other, but the +20 month and the parity rule rest on the two
 * community sources, not on the official text. No source lists which letter pairs are actually in
 * use (the second letter's sum/khoroo codes are not published), so any two letters of the alphabet
 * are accepted rather than guessing a list that might reject real numbers.
 *
 * @param value the number in canonical form; the constructor also accepts lower case and
 *              surrounding spaces, and canonicalizes them
 */
public record RegisterNumber(String value) {

    public enum Sex { MALE, FEMALE }

    private static final int LENGTH_IN_CHARACTERS = 10;
    private static final int LETTER_COUNT = 2;
    private static final int SEX_DIGIT_INDEX = 8;
    private static final int MONTH_OFFSET_FOR_2000S = 20;

    private static final String MONGOLIAN_CYRILLIC_CAPITALS = "АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ";

    /**
     * A birth date is in the future only while it has not begun anywhere on Earth; UTC+14 is the
     * first zone to reach each date. Citizens born abroad get numbers too, so judging by Ulaanbaatar's
     * or the server's date could refuse a real newborn for a few hours.
     */
    private static final ZoneOffset FIRST_ZONE_TO_REACH_A_DATE = ZoneOffset.ofHours(14);

    /**
     * Accepts the same spellings as {@link #parse(String)} so that there is one way to get a valid
     * instance, whoever builds it (a form, a database row, a JSON body).
     *
     * @throws InvalidRegisterNumber if the value breaks any rule; «future» here means after the real
     *                               present, since a constructor cannot be given a clock
     */
    public RegisterNumber {
        value = canonicalize(value);
        rejectUnborn(decodeBirthDate(value), Clock.systemUTC());
    }

    /** Same as {@link #parse(String, Clock)} with the real time. */
    public static RegisterNumber parse(String raw) {
        return parse(raw, Clock.systemUTC());
    }

    /**
     * Reads a register number as a citizen types it: surrounding spaces are ignored and lower-case
     * letters accepted.
     *
     * <p>The clock decides what «the future» is. It can make the check stricter than real time but not
     * looser, since the constructor also refuses dates after the real present.
     *
     * @throws InvalidRegisterNumber saying which rule {@code raw} broke
     */
    public static RegisterNumber parse(String raw, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        String canonical = canonicalize(raw);
        rejectUnborn(decodeBirthDate(canonical), clock);
        return new RegisterNumber(canonical);
    }

    /** Whether {@link #parse(String, Clock)} would accept {@code raw}. */
    public static boolean isValid(String raw, Clock clock) {
        try {
            parse(raw, clock);
            return true;
        } catch (InvalidRegisterNumber invalid) {
            return false;
        }
    }

    public LocalDate birthDate() {
        return decodeBirthDate(value);
    }

    public Sex sex() {
        int digit = value.charAt(SEX_DIGIT_INDEX) - '0';
        return digit % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    private static String canonicalize(String raw) {
        if (raw == null) {
            throw new InvalidRegisterNumber(BLANK, "A register number is required");
        }
        if (isCanonical(raw)) {
            // nothing below would change it (a bulk import reads millions of these)
            return raw;
        }
        // NFC first: text pasted from some systems spells Й and Ё as two code points (И + breve),
        // which would otherwise fail the length check although it looks right.
        String text = stripSpaces(Normalizer.normalize(raw, Normalizer.Form.NFC));
        if (text.isEmpty()) {
            throw new InvalidRegisterNumber(BLANK, "A register number is required");
        }
        // Code points, not chars: a character outside the BMP is one wrong character, not two.
        int[] characters = text.codePoints().toArray();
        if (characters.length != LENGTH_IN_CHARACTERS) {
            throw new InvalidRegisterNumber(LENGTH,
                    "A register number has 10 characters: 2 Mongolian Cyrillic letters and 8 digits");
        }

        StringBuilder canonical = new StringBuilder(LENGTH_IN_CHARACTERS);
        // Latin is looked for in both letters before anything else: "AБ" must say "switch the keyboard
        // layout", not "the first letter is wrong".
        for (int i = 0; i < LETTER_COUNT; i++) {
            if (Character.UnicodeScript.of(characters[i]) == Character.UnicodeScript.LATIN) {
                throw new InvalidRegisterNumber(LATIN_LETTERS,
                        "The letters of a register number are Cyrillic; a Latin letter was typed instead");
            }
        }
        for (int i = 0; i < LETTER_COUNT; i++) {
            // Character.toUpperCase maps one code point to one code point, whatever the default
            // locale; String.toUpperCase depends on that locale and may change the length (ß -> SS).
            int letter = Character.toUpperCase(characters[i]);
            if (MONGOLIAN_CYRILLIC_CAPITALS.indexOf(letter) < 0) {
                throw new InvalidRegisterNumber(LETTERS,
                        "A register number starts with 2 letters of the Mongolian Cyrillic alphabet");
            }
            canonical.appendCodePoint(letter);
        }
        for (int i = LETTER_COUNT; i < LENGTH_IN_CHARACTERS; i++) {
            // Only ASCII digits: Character.isDigit would also let in full-width and Mongolian-script
            // digits, which would then be stored in a form no other system matches.
            if (characters[i] < '0' || characters[i] > '9') {
                throw new InvalidRegisterNumber(DIGITS, "A register number ends with 8 digits (0-9)");
            }
            canonical.appendCodePoint(characters[i]);
        }
        return canonical.toString();
    }

    /** Two capital letters of the alphabet and eight ASCII digits, nothing around them. */
    private static boolean isCanonical(String text) {
        if (text.length() != LENGTH_IN_CHARACTERS) {
            return false;
        }
        for (int i = 0; i < LETTER_COUNT; i++) {
            if (MONGOLIAN_CYRILLIC_CAPITALS.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        for (int i = LETTER_COUNT; i < LENGTH_IN_CHARACTERS; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Also strips no-break spaces, which String.strip keeps and copy-paste from documents brings. */
    private static String stripSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Expects the canonical form, where positions 2-7 are known to be ASCII digits. */
    private static LocalDate decodeBirthDate(String canonical) {
        int yy = twoDigits(canonical, 2);
        int mm = twoDigits(canonical, 4);
        int dd = twoDigits(canonical, 6);

        int year;
        int month;
        if (mm >= 1 && mm <= 12) {
            year = 1900 + yy;
            month = mm;
        } else if (mm >= 1 + MONTH_OFFSET_FOR_2000S && mm <= 12 + MONTH_OFFSET_FOR_2000S) {
            year = 2000 + yy;
            month = mm - MONTH_OFFSET_FOR_2000S;
        } else {
            throw new InvalidRegisterNumber(BIRTH_DATE,
                    "The birth month in a register number must be 01-12, or 21-32 for births from 2000");
        }
        // YearMonth knows leap years, including 1900 (not leap) and 2000 (leap).
        if (dd < 1 || !YearMonth.of(year, month).isValidDay(dd)) {
            throw new InvalidRegisterNumber(BIRTH_DATE, "The birth date in a register number is not a real date");
        }
        return LocalDate.of(year, month, dd);
    }

    private static int twoDigits(String canonical, int index) {
        return (canonical.charAt(index) - '0') * 10 + (canonical.charAt(index + 1) - '0');
    }

    private static void rejectUnborn(LocalDate birthDate, Clock clock) {
        // Only the instant is used: the clock's zone is the server's concern, not the citizen's.
        LocalDate latestPossibleBirthDate = LocalDate.ofInstant(clock.instant(), FIRST_ZONE_TO_REACH_A_DATE);
        if (birthDate.isAfter(latestPossibleBirthDate)) {
            throw new InvalidRegisterNumber(FUTURE_BIRTH_DATE, "The birth date in a register number is in the future");
        }
    }
}
