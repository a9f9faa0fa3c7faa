package mn.zasag.documents;

import java.time.Instant;

/**
 * A document as issued.
 *
 * @param id          stable id (used in download links)
 * @param shortCode   what a person types on the verification page; also in the QR code's URL
 * @param verifyPath  the public verification page's path, e.g. {@code /verify/AB12-CD34}
 */
public record IssuedDocument(String id, String type, String agencyCode, String holderRegisterNumber, String titleMn,
                             String titleEn, String shortCode, String verifyPath, Instant issuedAt, Instant revokedAt,
                             String sourceReference) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
