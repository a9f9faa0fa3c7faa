package mn.zasag.audit.internal;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A search of the audit trail that cannot be run as asked; each reason has its own stable code. */
public final class AuditQueryRejected extends ProblemException {

    private AuditQueryRejected(String code, String detail) {
        super(HttpStatus.BAD_REQUEST, code, detail);
    }

    /** A date that is not {@code YYYY-MM-DD}, or outside the years the trail can hold. */
    public static AuditQueryRejected dateInvalid(String parameter) {
        return new AuditQueryRejected("audit_date_invalid", "'" + parameter + "' is not a date (YYYY-MM-DD)");
    }

    static AuditQueryRejected dateRangeInvalid() {
        return new AuditQueryRejected("audit_date_range_invalid", "'from' is after 'to'");
    }

    public static AuditQueryRejected pageSizeInvalid() {
        return new AuditQueryRejected("audit_page_size_invalid",
                "'size' must be a whole number from 1 to " + AuditQuery.MAX_SIZE);
    }

    public static AuditQueryRejected outcomeInvalid() {
        return new AuditQueryRejected("audit_outcome_invalid", "'outcome' must be SUCCESS, FAILURE or DENIED");
    }

    public static AuditQueryRejected cursorInvalid() {
        return new AuditQueryRejected("audit_cursor_invalid", "'before' must be the id of an entry");
    }

    static AuditQueryRejected filterInvalid(String parameter) {
        return new AuditQueryRejected("audit_filter_invalid", "'" + parameter + "' is longer than "
                + AuditQuery.MAX_TEXT + " characters or holds control characters");
    }
}
