package mn.zasag.applications.internal;

import java.time.OffsetDateTime;
import java.util.Map;

/** One application as stored: its answers, its state and who handles it. */
public record Application(long id, String reference, String formId, int formVersion, String serviceCode, String agencyCode,
                          String applicant, long applicantAccount, String channel, String state, String language,
                          Map<String, String> answers, Map<String, String> prefilled, Map<String, String> prefillNotes,
                          Map<String, String> decision, int revision, String submitToken, String assignedTo,
                          String documentId, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime submittedAt,
                          OffsetDateTime decidedAt) {

    public static final String DRAFT = "draft";
    public static final String SUBMITTED = "submitted";
    public static final String AWAITING_PAYMENT = "awaiting_payment";
    public static final String IN_REVIEW = "in_review";
    public static final String INFO_REQUESTED = "info_requested";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String DOCUMENT_ISSUED = "document_issued";
    public static final String WITHDRAWN = "withdrawn";

    public boolean draft() {
        return DRAFT.equals(state);
    }

    /** Decided or withdrawn: nothing more happens to it. */
    public boolean closed() {
        return REJECTED.equals(state) || DOCUMENT_ISSUED.equals(state) || WITHDRAWN.equals(state);
    }

    public boolean decided() {
        return APPROVED.equals(state) || REJECTED.equals(state) || DOCUMENT_ISSUED.equals(state);
    }
}
