package mn.zasag.notifications;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** An edited template uses a placeholder its kind does not declare, so no caller could ever fill it. */
public class PlaceholderUnknown extends ProblemException {
    public PlaceholderUnknown(String placeholder) {
        super(HttpStatus.BAD_REQUEST, "notification_placeholder_unknown", "Unknown placeholder {" + placeholder + "}", placeholder);
    }
}
