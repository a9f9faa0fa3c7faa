package mn.zasag.applications.internal;

import mn.zasag.applications.internal.FormDefinition.Question;
import mn.zasag.registry.Divisions;
import mn.zasag.shared.MobileNumber;
import mn.zasag.shared.RegisterNumber;
import mn.zasag.vehicles.PlateNumber;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one answer against its question's rules (docs/FORMS.md) and normalises it to its stored form, or says
 * what is wrong with it. Files are checked by {@link #sniff}: the content decides the type, not the name.
 */
@Component
public class AnswerCheck {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private final Clock clock;
    private final Divisions divisions;

    AnswerCheck(Clock clock, Divisions divisions) {
        this.clock = clock;
        this.divisions = divisions;
    }

    /** A normalised answer, or the error; a blank optional answer is the empty string. */
    public record Result(String value, AnswerError error) {
        static Result ok(String value) {
            return new Result(value, null);
        }

        static Result error(AnswerError error) {
            return new Result(null, error);
        }
    }

    /**
     * @param raw      the posted value (for {@code choices} the values joined by {@code ,}; for dates
     *                 {@code day/month/year} joined by {@code /})
     * @param options  the allowed values for choices (from the definition or the exchange)
     */
    public Result check(Question q, String raw, Set<String> options) {
        String v = raw == null ? "" : raw.strip();
        boolean blank = q.isDate() ? v.replace("/", "").isBlank() : v.isEmpty();
        if (blank) {
            return q.required() ? Result.error(AnswerError.of(q.id(), q.isDate() ? "date.required" : "required")) : Result.ok("");
        }
        String id = q.id();
        switch (q.type()) {
            case "text", "textarea" -> {
                int max = q.maxLength() != null ? q.maxLength() : "text".equals(q.type()) ? 200 : 2000;
                if (v.length() > max) {
                    return Result.error(AnswerError.of(id, "too-long", max));
                }
                if (q.minLength() != null && v.length() < q.minLength()) {
                    return Result.error(AnswerError.of(id, "too-short", q.minLength()));
                }
                if (q.pattern() != null && !Pattern.compile(q.pattern()).matcher(v).matches()) {
                    return Result.error(new AnswerError(id, null, new Object[0], q.patternMessage()));
                }
                return Result.ok(v);
            }
            case "number" -> {
                String digits = v.replace(" ", "").replace(",", "").replace("'", "");
                if (!INTEGER.matcher(digits).matches()) {
                    return Result.error(AnswerError.of(id, "number"));
                }
                long n = Long.parseLong(digits);
                if (q.min() != null && n < q.min()) {
                    return Result.error(AnswerError.of(id, "min", q.min()));
                }
                if (q.max() != null && n > q.max()) {
                    return Result.error(AnswerError.of(id, "max", q.max()));
                }
                return Result.ok(Long.toString(n));
            }
            case "date" -> {
                return date(q, v);
            }
            case "choice", "yes-no" -> {
                Set<String> allowed = "yes-no".equals(q.type()) ? Set.of("yes", "no") : options;
                return allowed.contains(v) ? Result.ok(v) : Result.error(AnswerError.of(id, "choice"));
            }
            case "choices" -> {
                Set<String> chosen = new LinkedHashSet<>();
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        chosen.add(part.strip());
                    }
                }
                if (chosen.isEmpty()) {
                    return q.required() ? Result.error(AnswerError.of(id, "required")) : Result.ok("");
                }
                if (!options.containsAll(chosen)) {
                    return Result.error(AnswerError.of(id, "choice"));
                }
                // keep the definition's order
                List<String> ordered = options.stream().filter(chosen::contains).toList();
                return Result.ok(String.join(",", ordered));
            }
            case "register-number" -> {
                return RegisterNumber.isValid(v, clock) ? Result.ok(RegisterNumber.parse(v, clock).value())
                        : Result.error(AnswerError.of(id, "register-number"));
            }
            case "phone" -> {
                Optional<String> phone = MobileNumber.normalize(v);
                return phone.map(Result::ok).orElseGet(() -> Result.error(AnswerError.of(id, "phone")));
            }
            case "email" -> {
                return EMAIL.matcher(v).matches() && v.length() <= 254 ? Result.ok(v) : Result.error(AnswerError.of(id, "email"));
            }
            case "plate" -> {
                return PlateNumber.tryParse(v).map(p -> Result.ok(p.value()))
                        .orElseGet(() -> Result.error(AnswerError.of(id, "plate")));
            }
            case "division" -> {
                return divisions.find(v).isPresent() ? Result.ok(v) : Result.error(AnswerError.of(id, "division"));
            }
            case "file" -> {
                return Result.ok(v);
            }
            default -> {
                return Result.error(AnswerError.of(id, "choice"));
            }
        }
    }

    private Result date(Question q, String v) {
        String[] parts = v.split("/", -1);
        String id = q.id();
        LocalDate date;
        try {
            if (parts.length == 3) {
                if (Arrays.stream(parts).anyMatch(String::isBlank)) {
                    return Result.error(AnswerError.of(id, "date.incomplete"));
                }
                date = LocalDate.of(Integer.parseInt(parts[2].strip()), Integer.parseInt(parts[1].strip()),
                        Integer.parseInt(parts[0].strip()));
            } else {
                date = LocalDate.parse(v);
            }
        } catch (NumberFormatException | DateTimeException e) {
            return Result.error(AnswerError.of(id, "date.invalid"));
        }
        if (date.getYear() < 1900 || date.getYear() > 2200) {
            return Result.error(AnswerError.of(id, "date.invalid"));
        }
        LocalDate today = LocalDate.now(clock);
        if (q.notBefore() != null && date.isBefore(DateBounds.resolve(q.notBefore(), today))) {
            return Result.error(AnswerError.of(id, "date.before", DateBounds.resolve(q.notBefore(), today).toString()));
        }
        if (q.notAfter() != null && date.isAfter(DateBounds.resolve(q.notAfter(), today))) {
            return Result.error(AnswerError.of(id, "date.after", DateBounds.resolve(q.notAfter(), today).toString()));
        }
        return Result.ok(date.toString());
    }

    /** The type the bytes are, whatever the file's name says: PDF, PNG or JPEG; null for anything else. */
    public static String sniff(byte[] content) {
        if (content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F' && content[4] == '-') {
            return "application/pdf";
        }
        if (content.length >= 8 && (content[0] & 0xFF) == 0x89 && content[1] == 'P' && content[2] == 'N' && content[3] == 'G'
                && content[4] == 0x0D && content[5] == 0x0A && content[6] == 0x1A && content[7] == 0x0A) {
            return "image/png";
        }
        if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8 && (content[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        return null;
    }
}
