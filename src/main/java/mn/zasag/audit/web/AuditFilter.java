package mn.zasag.audit.web;

import io.swagger.v3.oas.annotations.Parameter;
import mn.zasag.audit.AuditEvent.Outcome;
import mn.zasag.audit.internal.AuditQuery;
import mn.zasag.audit.internal.AuditQueryRejected;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The search as the request spelled it. Every field is bound as text and read here, so that a bad value
 * becomes a problem with its own code instead of a binding error.
 */
record AuditFilter(
        @Parameter(description = "First day, inclusive, YYYY-MM-DD in Mongolian time (UTC+8)", example = "2026-11-01")
        String from,
        @Parameter(description = "Last day, inclusive, YYYY-MM-DD in Mongolian time (UTC+8)", example = "2026-11-30")
        String to,
        @Parameter(description = "Start of the action name; identity.login finds every login", example = "identity.login")
        String action,
        @Parameter(description = "Exact login of the actor")
        String actor,
        @Parameter(description = "Exact kind of object acted on", example = "account")
        String objectType,
        @Parameter(description = "Exact id of the object acted on")
        String objectId,
        @Parameter(description = "SUCCESS, FAILURE or DENIED")
        String outcome,
        @Parameter(description = "Only entries older than this entry id: the nextBefore of the previous page")
        String before,
        @Parameter(description = "Entries per page, 1 to 100; 50 if not given")
        String size) {

    static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null, null, null);

    AuditQuery toQuery() {
        return new AuditQuery(date(from, "from"), date(to, "to"), action, actor, objectType, objectId, parsedOutcome(),
                parsedBefore(), parsedSize());
    }

    /** A link to the same search, starting before the given entry, or (null) from the newest entry. */
    String link(String path, Long beforeEntryId) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        add(link, "from", from);
        add(link, "to", to);
        add(link, "action", action);
        add(link, "actor", actor);
        add(link, "objectType", objectType);
        add(link, "objectId", objectId);
        add(link, "outcome", outcome);
        add(link, "size", size);
        if (beforeEntryId != null) {
            link.queryParam("before", beforeEntryId);
        }
        return link.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder link, String name, String value) {
        if (value != null && !value.isBlank()) {
            link.queryParam(name, value.strip());
        }
    }

    private static LocalDate date(String text, String parameter) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw AuditQueryRejected.dateInvalid(parameter);
        }
    }

    private Outcome parsedOutcome() {
        if (blank(outcome)) {
            return null;
        }
        try {
            return Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AuditQueryRejected.outcomeInvalid();
        }
    }

    private Long parsedBefore() {
        if (blank(before)) {
            return null;
        }
        try {
            return Long.valueOf(before.strip());
        } catch (NumberFormatException e) {
            throw AuditQueryRejected.cursorInvalid();
        }
    }

    private int parsedSize() {
        if (blank(size)) {
            return AuditQuery.DEFAULT_SIZE;
        }
        try {
            return Integer.parseInt(size.strip());
        } catch (NumberFormatException e) {
            throw AuditQueryRejected.pageSizeInvalid();
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
