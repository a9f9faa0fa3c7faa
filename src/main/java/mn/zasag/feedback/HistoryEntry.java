package mn.zasag.feedback;

import java.time.OffsetDateTime;

/** One line of a case's history: an event, the move it made, who did it and where the case then was (agency, office). */
public record HistoryEntry(OffsetDateTime at, CaseEvent event, CaseStatus fromStatus, CaseStatus toStatus, String actor,
                           String agencyCode, String note, String officeCode) {
}
