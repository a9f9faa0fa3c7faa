package mn.zasag.documents;

import mn.zasag.pki.SignatureValidation.SignatureReport;

import java.util.List;

/**
 * What the public verification of a short code shows: the document without the holder's full identity (name
 * and register number masked), and the check of the seal on the stored PDF.
 *
 * @param document             the document
 * @param maskedHolderName     «Б*** Б**-Э*****»: enough to match the paper in hand, not to learn who holds it
 * @param maskedRegisterNumber «УБ******14»: the letters and the last two digits; the birth date stays hidden
 * @param signatures           the seal(s) on the stored Mongolian PDF as the PKI's validation sees them now
 */
public record Verification(DocumentDetails document, String maskedHolderName, String maskedRegisterNumber,
                           List<SignatureReport> signatures) {

    /** Every seal intact, issued by our PKI, its certificate good now, and at least one seal. */
    public boolean sealValid() {
        return !signatures.isEmpty() && signatures.stream()
                .allMatch(s -> s.intact() && s.trusted() && "GOOD".equals(s.certificateStatus()));
    }

    /** Valid = not revoked and the seal checks. */
    public boolean valid() {
        return !document.revoked() && sealValid();
    }
}
