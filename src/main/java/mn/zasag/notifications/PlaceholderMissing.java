package mn.zasag.notifications;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The template needs a value the caller did not give: nothing is sent rather than a raw {name}. */
public class PlaceholderMissing extends ProblemException {

    private final String placeholder;

    public PlaceholderMissing(String kind, String placeholder) {
        super(HttpStatus.BAD_REQUEST, "notification_placeholder_missing",
                "Template " + kind + " needs a value for {" + placeholder + "}", placeholder);
        this.placeholder = placeholder;
    }

    public String placeholder() {
        return placeholder;
    }
}
