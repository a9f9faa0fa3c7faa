package mn.zasag.audit.internal;

import mn.zasag.audit.AuditEvent.Outcome;

import java.time.LocalDate;

/**
 * One search of the audit trail: every filter optional, the newest entries first, one page at a time.
 * Pages are keyed by entry id ({@code before}), not by offset, so page 1000 costs what page 1 does and
 * new entries do not shift the pages being read.
 *
 * @param from         first day, inclusive, in Mongolian time; or null
 * @param to           last day, inclusive, in Mongolian time; or null
 * @param actionPrefix the start of an action name ({@code identity.login} finds both login outcomes); or null
 * @param actorLogin   exactly this actor; or null
 * @param objectType   exactly this kind of object; or null
 * @param objectId     exactly this object id; or null
 * @param outcome      only this outcome; or null
 * @param before       only entries older than this entry id (the next page's key); or null
 * @param size         entries per page, 1 to {@value #MAX_SIZE}
 */
public record AuditQuery(LocalDate from, LocalDate to, String actionPrefix, String actorLogin, String objectType,
                         String objectId, Outcome outcome, Long before, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 100;
    static final int MAX_TEXT = 200;

    /** PostgreSQL's timestamps end in year 294276; anything outside these years is a typing mistake. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    public AuditQuery {
        checkDate(from, "from");
        checkDate(to, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw AuditQueryRejected.dateRangeInvalid();
        }
        actionPrefix = text(actionPrefix, "action");
        actorLogin = text(actorLogin, "actor");
        objectType = text(objectType, "objectType");
        objectId = text(objectId, "objectId");
        if (before != null && before < 1) {
            throw AuditQueryRejected.cursorInvalid();
        }
        if (size < 1 || size > MAX_SIZE) {
            throw AuditQueryRejected.pageSizeInvalid();
        }
    }

    /** The newest entries, no filter. */
    public static AuditQuery newest() {
        return new AuditQuery(null, null, null, null, null, null, null, null, DEFAULT_SIZE);
    }

    /** The same search, one page further back. */
    public AuditQuery before(long entryId) {
        return new AuditQuery(from, to, actionPrefix, actorLogin, objectType, objectId, outcome, entryId, size);
    }

    private static void checkDate(LocalDate date, String parameter) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw AuditQueryRejected.dateInvalid(parameter);
        }
    }

    /** Blank means any value; PostgreSQL text cannot hold NUL, and no real value holds other control characters. */
    private static String text(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT || stripped.chars().anyMatch(Character::isISOControl)) {
            throw AuditQueryRejected.filterInvalid(parameter);
        }
        return stripped;
    }
}
