package mn.zasag.audit.internal;

import mn.zasag.audit.AuditEntry;

import java.util.List;

/**
 * One page of search results, newest first.
 *
 * @param entries    the entries on this page
 * @param nextBefore the {@code before} key of the next (older) page, or null if this is the last
 * @param scope      what the caller was allowed to see
 */
public record AuditPage(List<AuditEntry> entries, Long nextBefore, AuditScope scope) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
