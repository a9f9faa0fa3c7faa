package mn.zasag.documents;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * What a person types to verify a document: seven random symbols and a check symbol in Crockford's base 32
 * (digits and capitals without I, L, O and U, so nothing reads as something else), shown in two groups of
 * four, {@code K7M2-9XQF}. The check symbol is Luhn mod 32 over the seven, so every single mistyped symbol
 * and most swaps of neighbours are caught before a lookup.
 *
 * <p>Reading is forgiving: any case, hyphens and spaces anywhere or none, {@code O} for zero, {@code I} or
 * {@code L} for one (Crockford's rules), and Cyrillic letters that look like Latin ones (a Mongolian keyboard
 * types {@code К}, {@code М}, {@code Х}…).
 *
 * @param value the eight symbols, canonical (upper case, no hyphen)
 */
public record ShortCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int N = ALPHABET.length();
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Cyrillic capitals that look like a Latin symbol of the alphabet (after upper-casing). */
    private static final String CYRILLIC = "АВЕКМНОРСТХЗ";
    private static final String LATIN = "ABEKMH0PCTX3";

    public ShortCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) || !checks(value)) {
            throw new DocumentCodeInvalid(DocumentCodeInvalid.MALFORMED);
        }
    }

    /** A new random code (the caller makes sure no document has it yet). */
    static ShortCode random() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH - 1; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(N)));
        }
        code.append(ALPHABET.charAt(checkSymbol(code)));
        return new ShortCode(code.toString());
    }

    /**
     * Reads a code as a person typed it.
     *
     * @throws DocumentCodeInvalid {@code document_code_malformed} for a wrong length or a symbol not in the
     *                             alphabet, {@code document_code_mistyped} when the check symbol does not match
     */
    public static ShortCode parse(String typed) {
        if (typed == null) {
            throw new DocumentCodeInvalid(DocumentCodeInvalid.MALFORMED);
        }
        StringBuilder code = new StringBuilder(LENGTH);
        String upper = typed.strip().toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == '-' || c == '‐' || c == '–' || c == '—' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            int cyrillic = CYRILLIC.indexOf(c);
            if (cyrillic >= 0) {
                c = LATIN.charAt(cyrillic);
            }
            c = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(c) < 0 || code.length() == LENGTH) {
                throw new DocumentCodeInvalid(DocumentCodeInvalid.MALFORMED);
            }
            code.append(c);
        }
        if (code.length() != LENGTH) {
            throw new DocumentCodeInvalid(DocumentCodeInvalid.MALFORMED);
        }
        if (!checks(code)) {
            throw new DocumentCodeInvalid(DocumentCodeInvalid.MISTYPED);
        }
        return new ShortCode(code.toString());
    }

    /** As printed and shown: {@code K7M2-9XQF}. */
    public String display() {
        return value.substring(0, 4) + "-" + value.substring(4);
    }

    @Override
    public String toString() {
        return display();
    }

    /** Luhn mod N: the symbol that makes the weighted sum of all eight a multiple of 32. */
    static int checkSymbol(CharSequence payload) {
        int factor = 2;
        int sum = 0;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(payload.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return (N - sum % N) % N;
    }

    private static boolean checks(CharSequence code) {
        int factor = 1;
        int sum = 0;
        for (int i = code.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(code.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return sum % N == 0;
    }
}
