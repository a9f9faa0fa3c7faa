package mn.zasag.registry;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The registry's rules refuse the change: the code says which rule ({@code person_deceased},
 * {@code death_before_birth}, {@code marriage_minor}, {@code already_married}, …); see docs/ARCHITECTURE.md.
 */
public class CivilEventRefused extends ProblemException {

    /** Every code this exception carries; each has a {@code problem.<code>} message. */
    public static final java.util.List<String> CODES = java.util.List.of(
            "person_deceased", "death_before_birth", "event_before_birth", "event_in_future", "marriage_minor",
            "already_married", "spouse_not_found", "marriage_to_self", "not_married", "division_unknown",
            "birth_date_mismatch", "sex_mismatch", "event_details_missing", "civil_id_invalid", "phone_invalid",
            "citizenship_invalid", "name_invalid", "legal_basis_invalid");

    public CivilEventRefused(String code) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, "Refused by the civil registry's rules: " + code);
    }
}
