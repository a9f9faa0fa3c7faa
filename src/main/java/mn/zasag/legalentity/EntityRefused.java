package mn.zasag.legalentity;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The legal entity registry's rules refuse the change or the request: the code says which rule; see
 * docs/ARCHITECTURE.md.
 */
public class EntityRefused extends ProblemException {

    /** Every code this exception carries; each has a {@code problem.<code>} message. */
    public static final java.util.List<String> CODES = java.util.List.of(
            "entity_number_invalid", "entity_name_invalid", "legal_form_unknown", "division_unknown",
            "registration_in_future", "change_in_future", "change_before_registration", "founders_missing",
            "founder_not_found", "founder_invalid", "founder_duplicate", "founder_self", "shares_not_one",
            "share_invalid", "director_not_found", "director_invalid", "directors_missing", "status_transition_invalid",
            "liquidation_before_registration", "entity_liquidated", "change_details_missing",
            "legal_basis_invalid", "reference_subject_invalid", "reference_not_yours");

    public EntityRefused(String code) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, "Refused by the legal entity registry's rules: " + code);
    }
}
