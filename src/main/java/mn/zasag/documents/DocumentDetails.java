package mn.zasag.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * An issued document with what its holder, its issuer and the verification page show beside the contract's
 * {@link IssuedDocument}.
 *
 * @param holderName       the holder's name as printed (at the time of issue)
 * @param agencyNameMn     the issuing agency's name in Mongolian
 * @param agencyNameEn     the issuing agency's name in English
 * @param lines            the facts as printed
 * @param english          whether an English version was issued as well
 * @param sha256Mn         SHA-256 (hex) of the sealed Mongolian PDF
 * @param sha256En         SHA-256 (hex) of the sealed English PDF, or null
 * @param revocationReason why the issuer revoked it, or null
 * @param revokedBy        login of the official who revoked it, or null
 */
public record DocumentDetails(IssuedDocument document, String holderName, String agencyNameMn, String agencyNameEn,
                              List<NewDocument.Line> lines, boolean english, String sha256Mn, String sha256En,
                              String revocationReason, String revokedBy) {

    static final ZoneId ULAANBAATAR = ZoneId.of("Asia/Ulaanbaatar");

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? document.titleEn() : document.titleMn();
    }

    public String agencyName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? agencyNameEn : agencyNameMn;
    }

    /** The issue date in Ulaanbaatar, as printed. */
    public LocalDate issuedOn() {
        return document.issuedAt().atZone(ULAANBAATAR).toLocalDate();
    }

    public OffsetDateTime issuedAt() {
        return document.issuedAt().atZone(ULAANBAATAR).toOffsetDateTime();
    }

    public OffsetDateTime revokedAt() {
        return document.revokedAt() == null ? null : document.revokedAt().atZone(ULAANBAATAR).toOffsetDateTime();
    }

    public boolean revoked() {
        return document.revoked();
    }
}
