package mn.zasag.feedback;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The case lifecycle as data: each event names the statuses it may happen in and the status it leads
 * to. Nothing else in the module decides whether a move is allowed. {@code WARNED} and {@code ESCALATED}
 * keep the status (they are history, not a move).
 */
public enum CaseEvent {
    FILED(EnumSet.noneOf(CaseStatus.class), CaseStatus.RECEIVED),
    ROUTED(EnumSet.of(CaseStatus.RECEIVED), CaseStatus.ROUTED),
    REROUTED(EnumSet.of(CaseStatus.ROUTED, CaseStatus.IN_PROGRESS, CaseStatus.NEEDS_INFO, CaseStatus.EXTENDED, CaseStatus.REOPENED), CaseStatus.ROUTED),
    ASSIGNED(EnumSet.of(CaseStatus.ROUTED, CaseStatus.IN_PROGRESS, CaseStatus.REOPENED), CaseStatus.IN_PROGRESS),
    INFO_REQUESTED(EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.EXTENDED, CaseStatus.REOPENED), CaseStatus.NEEDS_INFO),
    INFO_GIVEN(EnumSet.of(CaseStatus.NEEDS_INFO), CaseStatus.IN_PROGRESS),
    EXTENDED(EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.NEEDS_INFO), CaseStatus.EXTENDED),
    ANSWERED(EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.EXTENDED, CaseStatus.REOPENED), CaseStatus.ANSWERED),
    CLOSED(EnumSet.of(CaseStatus.ANSWERED), CaseStatus.CLOSED),
    REOPENED(EnumSet.of(CaseStatus.ANSWERED, CaseStatus.CLOSED), CaseStatus.REOPENED),
    REJECTED(EnumSet.of(CaseStatus.RECEIVED, CaseStatus.ROUTED, CaseStatus.IN_PROGRESS, CaseStatus.REOPENED), CaseStatus.REJECTED_OUT_OF_SCOPE),
    /** A poor rating of the answer: a supervisor looks at it. */
    APPEALED(EnumSet.of(CaseStatus.ANSWERED, CaseStatus.CLOSED), CaseStatus.APPEALED),
    /** The supervisor sends the case back to the agency for a better answer. */
    APPEAL_UPHELD(EnumSet.of(CaseStatus.APPEALED), CaseStatus.REOPENED),
    /** The supervisor finds the answer sufficient. */
    APPEAL_DISMISSED(EnumSet.of(CaseStatus.APPEALED), CaseStatus.CLOSED),
    WARNED(CaseStatus.OPEN, null),
    ESCALATED(CaseStatus.OPEN, null),
    RATED(EnumSet.of(CaseStatus.ANSWERED, CaseStatus.CLOSED), null);

    private final Set<CaseStatus> from;
    private final CaseStatus to;

    CaseEvent(Set<CaseStatus> from, CaseStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedIn(CaseStatus status) {
        return from.contains(status);
    }

    /** The status after this event in {@code current}, or empty when the event may not happen there. */
    public Optional<CaseStatus> next(CaseStatus current) {
        return allowedIn(current) ? Optional.of(to == null ? current : to) : Optional.empty();
    }

    public Set<CaseStatus> from() {
        return Set.copyOf(from);
    }
}
