package mn.zasag.notifications;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The recipient cannot be written to: no address at all ({@code notification_recipient_missing}), an
 * email address that is not one ({@code notification_email_invalid}) or a number that is not a
 * Mongolian mobile number ({@code notification_mobile_invalid}).
 */
public class RecipientInvalid extends ProblemException {
    public RecipientInvalid(String code) {
        super(HttpStatus.BAD_REQUEST, code, "Recipient refused: " + code);
    }
}
