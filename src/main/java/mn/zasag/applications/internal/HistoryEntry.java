package mn.zasag.applications.internal;

import java.time.OffsetDateTime;

/** One step of an application's history: who moved it, when, from which state to which, and what they said. */
public record HistoryEntry(OffsetDateTime at, String actor, String actorKind, String fromState, String toState, String message) {
}
