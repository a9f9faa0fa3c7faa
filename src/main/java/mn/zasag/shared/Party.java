package mn.zasag.shared;

import org.springframework.http.HttpStatus;

import java.time.Clock;

/**
 * Who holds a record in a base registry: a person by register number, or a legal entity by its 7-digit
 * state registration number. Parsing checks the form only; whether the person or entity is registered is
 * for the registry that owns them to say.
 */
public record Party(Kind kind, String id) {

    public enum Kind { PERSON, ENTITY }

    public Party {
        if (kind == null || id == null) {
            throw new IllegalArgumentException("party needs a kind and an id");
        }
    }

    /**
     * A register number (two Cyrillic letters and eight digits, spaces and case forgiven) is a person; a
     * number of digits only is an entity and must have exactly seven.
     *
     * @throws InvalidRegisterNumber for a malformed register number
     * @throws ProblemException {@code entity_number_invalid} for digits that are not seven
     */
    public static Party parse(String raw, Clock clock) {
        String text = raw == null ? "" : raw.strip().replace(" ", "");
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (text.length() != 7) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "entity_number_invalid",
                        "A legal entity's registration number has 7 digits");
            }
            return new Party(Kind.ENTITY, text);
        }
        return new Party(Kind.PERSON, RegisterNumber.parse(raw, clock).value());
    }

    public boolean person() {
        return kind == Kind.PERSON;
    }
}
