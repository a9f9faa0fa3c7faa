package mn.zasag.feedback;

/**
 * What a citizen (or an operator for them) brings. {@code sourceKey} makes intake idempotent (the same
 * inbound SMS or email never becomes two cases); {@code floodKey} is what flood limits count by (a
 * number, an address), or null for staff-recorded cases.
 */
public record NewCase(CaseKind kind, String category, String divisionCode, Double latitude, Double longitude,
                      String text, String contactName, String contactPhone, String contactEmail, String citizenLogin,
                      IntakeChannel channel, String language, boolean publish, String sourceKey, String floodKey) {
}
