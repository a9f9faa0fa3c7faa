package mn.zasag.shared;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on. Each one carries a stable, public {@code code} (snake_case, never
 * reused for another meaning) that API clients switch on, and a message key that pages translate.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;

    public ProblemException(HttpStatus status, String code, String detail, Object... args) {
        super(detail);
        this.status = status;
        this.code = code;
        this.args = args;
    }

    public HttpStatus status() {
        return status;
    }

    /** Stable public error code, e.g. {@code register_number_invalid}. */
    public String code() {
        return code;
    }

    /** Message bundle key: {@code problem.} followed by the code. */
    public String messageKey() {
        return "problem." + code;
    }

    public Object[] args() {
        return args.clone();
    }
}
