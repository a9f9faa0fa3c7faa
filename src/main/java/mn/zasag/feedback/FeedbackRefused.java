package mn.zasag.feedback;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A case or a step refused for its content, with a stable code: {@code feedback_text_empty},
 * {@code feedback_text_too_long}, {@code feedback_contact_missing}, {@code feedback_phone_invalid},
 * {@code feedback_email_invalid}, {@code feedback_category_unknown}, {@code feedback_kind_unknown},
 * {@code feedback_division_unknown}, {@code feedback_reason_required}, {@code feedback_extension_used},
 * {@code feedback_extension_too_long}, {@code feedback_rating_invalid}, {@code feedback_not_your_agency},
 * {@code feedback_agency_unknown}, {@code feedback_office_unknown}, {@code feedback_reroute_same},
 * {@code feedback_attachment_type}, {@code feedback_attachment_size}, {@code feedback_attachment_count}, {@code feedback_location_invalid}, {@code feedback_name_too_long}, {@code feedback_step_unknown} (all 422).
 */
public class FeedbackRefused extends ProblemException {

    private final String field;

    public FeedbackRefused(String code, String field) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, "Refused: " + code);
        this.field = field;
    }

    /** A refusal whose message names a value (a file name): {@code {0}} in the message. */
    public FeedbackRefused(String code, String field, Object value) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, "Refused: " + code, value);
        this.field = field;
    }

    /** The form field the refusal is about. */
    public String field() {
        return field;
    }
}
