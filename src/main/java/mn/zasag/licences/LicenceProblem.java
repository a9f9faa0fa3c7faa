package mn.zasag.licences;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A refusal of the driving licence register; the code says which rule (see docs/ARCHITECTURE.md). */
public class LicenceProblem extends ProblemException {

    /** Every code; each has a {@code problem.<code>} message. */
    public static final List<String> CODES = List.of("licence_not_found", "licences_owner_only", "holder_unknown",
            "holder_deceased", "holder_too_young", "licence_category_invalid", "category_held", "category_requires_b",
            "licence_not_active", "licence_exists", "date_in_future", "exam_centre_unknown", "exam_date_invalid",
            "no_exam_slot", "licence_details_invalid", "renewal_too_early");

    private LicenceProblem(HttpStatus status, String code) {
        super(status, code, "Refused by the driving licence register: " + code);
    }

    static LicenceProblem invalid(String code) {
        return new LicenceProblem(HttpStatus.BAD_REQUEST, code);
    }

    static LicenceProblem refused(String code) {
        return new LicenceProblem(HttpStatus.UNPROCESSABLE_CONTENT, code);
    }

    static LicenceProblem conflict(String code) {
        return new LicenceProblem(HttpStatus.CONFLICT, code);
    }

    public static LicenceProblem notFound() {
        return new LicenceProblem(HttpStatus.NOT_FOUND, "licence_not_found");
    }

    static LicenceProblem ownerOnly() {
        return new LicenceProblem(HttpStatus.FORBIDDEN, "licences_owner_only");
    }
}
