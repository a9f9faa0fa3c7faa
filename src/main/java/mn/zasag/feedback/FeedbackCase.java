package mn.zasag.feedback;

import java.time.OffsetDateTime;

/**
 * One case as stored. Contact details never leave the module's staff and citizen views. {@code officeCode}
 * is the agency's local office that answers it, or null for the agency's national level.
 */
public record FeedbackCase(long id, String reference, CaseKind kind, String category, String agencyCode,
                           String divisionCode, Double latitude, Double longitude, String text, String contactName,
                           String contactPhone, String contactEmail, String citizenLogin, IntakeChannel channel,
                           String language, boolean publish, String publicText, CaseStatus status, String assignedTo,
                           OffsetDateTime receivedAt, OffsetDateTime dueAt, String extensionReason, String answer,
                           OffsetDateTime answeredAt, Integer rating, OffsetDateTime warnedAt,
                           OffsetDateTime escalatedAt, OffsetDateTime updatedAt, String officeCode) {

    public boolean extended() {
        return extensionReason != null;
    }

    public boolean overdue(OffsetDateTime now) {
        return status.isOpen() && now.isAfter(dueAt);
    }

    /** Whether this contact (a phone number or an email address as typed) is the one the case was filed with. */
    public boolean hasContact(String contact) {
        if (contact == null || contact.isBlank()) {
            return false;
        }
        String c = contact.strip();
        if (contactEmail != null && contactEmail.equalsIgnoreCase(c)) {
            return true;
        }
        return contactPhone != null && mn.zasag.shared.MobileNumber.normalize(c).map(contactPhone::equals).orElse(false);
    }
}
