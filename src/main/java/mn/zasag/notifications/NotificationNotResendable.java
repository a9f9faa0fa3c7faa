package mn.zasag.notifications;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** Only a failed or kept notification can be sent again; others are on their way or arrived. */
public class NotificationNotResendable extends ProblemException {
    public NotificationNotResendable(String id) {
        super(HttpStatus.CONFLICT, "notification_not_resendable", "Notification " + id + " cannot be sent again", id);
    }
}
