package mn.zasag.notifications;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No notification with this id. */
public class NotificationNotFound extends ProblemException {
    public NotificationNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "notification_not_found", "No notification " + id, id);
    }
}
