package mn.zasag.notifications;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** No template of this kind (in this language). */
public class TemplateNotFound extends ProblemException {
    public TemplateNotFound(String kind) {
        super(HttpStatus.NOT_FOUND, "notification_template_not_found", "No template " + kind, kind);
    }
}
