package mn.zasag.vehicles;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A vehicle identification number (ISO 3779): 17 characters of digits and capital Latin letters without I,
 * O and Q.
 *
 * <p>ISO 3779 itself does not require a check digit. The 9th-position check digit (weights 8 7 6 5 4 3 2
 * 10 0 9 8 7 6 5 4 3 2, letters transliterated A-H = 1-8, J-R = 1-9 skipping O and Q, S-Z = 2-9, sum mod 11,
 * 10 written X) is mandatory for vehicles made for North America (49 CFR 565.15), whose VINs start with
 * 1-5 (the WMI region of North America). We verify it for those VINs only: Japanese, Korean, Chinese and
 * European VINs, which make up most of Mongolia's fleet, need not carry one and are checked for form only.
 */
public record Vin(String value) {

    private static final Pattern FORM = Pattern.compile("^[A-HJ-NPR-Z0-9]{17}$");
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    public Vin {
        if (value == null || !FORM.matcher(value).matches()) {
            throw VehicleProblem.invalid("vin_invalid");
        }
        if (northAmerican(value) && value.charAt(8) != checkDigit(value)) {
            throw VehicleProblem.invalid("vin_check_digit");
        }
    }

    public static Vin parse(String raw) {
        return new Vin(raw == null ? "" : raw.replace(" ", "").strip().toUpperCase(Locale.ROOT));
    }

    public static Optional<Vin> tryParse(String raw) {
        try {
            return Optional.of(parse(raw));
        } catch (VehicleProblem e) {
            return Optional.empty();
        }
    }

    static boolean northAmerican(String vin) {
        return vin.charAt(0) >= '1' && vin.charAt(0) <= '5';
    }

    /** The check digit the 9th position must hold (49 CFR 565.15). */
    public static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += value(vin.charAt(i)) * WEIGHTS[i];
        }
        int rest = sum % 11;
        return rest == 10 ? 'X' : (char) ('0' + rest);
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> throw VehicleProblem.invalid("vin_invalid");
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
