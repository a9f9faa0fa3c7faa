package mn.zasag.feedback;

/** What the citizen brings. */
public enum CaseKind {
    COMPLAINT, SUGGESTION, OPINION, REQUEST, APPRECIATION
}
