package mn.zasag.feedback;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands. Which events move it where is declared once, in {@link CaseEvent}. */
public enum CaseStatus {
    RECEIVED, ROUTED, IN_PROGRESS, NEEDS_INFO, EXTENDED, ANSWERED, CLOSED, REOPENED, APPEALED, REJECTED_OUT_OF_SCOPE;

    /** Statuses in which the 30-day clock still runs: the agency owes an answer. */
    public static final Set<CaseStatus> OPEN = EnumSet.of(RECEIVED, ROUTED, IN_PROGRESS, NEEDS_INFO, EXTENDED, REOPENED, APPEALED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
