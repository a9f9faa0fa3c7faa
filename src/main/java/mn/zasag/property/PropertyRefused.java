package mn.zasag.property;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The property registry's rules refuse the change or request; the code says which rule (docs/ARCHITECTURE.md). */
public class PropertyRefused extends ProblemException {

    /** Every code this exception carries; each has a {@code problem.<code>} message. */
    public static final java.util.List<String> CODES = java.util.List.of(
            "certificate_number_invalid", "owners_missing", "owner_invalid", "owner_not_found", "owner_duplicate",
            "owner_shares_not_one", "owner_share_invalid", "area_invalid", "purpose_unknown", "division_unknown",
            "registration_in_future", "change_in_future", "change_before_registration", "property_encumbered",
            "encumbrance_invalid", "encumbrance_holder_not_found", "encumbrance_not_found", "encumbrance_released",
            "release_before_registration", "change_details_missing", "legal_basis_invalid");

    public PropertyRefused(String code) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, "Refused by the property registry's rules: " + code);
    }
}
