package mn.zasag.documents.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import mn.zasag.documents.DocumentDetails;
import mn.zasag.documents.Documents;
import mn.zasag.documents.Verification;
import mn.zasag.pki.SignatureValidation.SignatureReport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Public: the verification of a short code as JSON; unknown and malformed codes are problem details. */
@RestController
@Tag(name = "Documents")
class VerifyApi {

    private final Documents documents;

    VerifyApi(Documents documents) {
        this.documents = documents;
    }

    record Text(String mn, String en) {
    }

    record Holder(String name, String registerNumber) {
    }

    record Issuer(String code, String nameMn, String nameEn) {
    }

    record Seal(boolean valid, List<SignatureReport> signatures) {
    }

    record Hashes(String mn, String en) {
    }

    /**
     * @param status {@code valid}, {@code revoked}, or {@code seal_invalid} (not revoked but the seal does not check)
     */
    record VerificationJson(String shortCode, String type, Text title, Holder holder, Issuer issuer, LocalDate issuedOn,
                            Instant issuedAt, String status, Instant revokedAt, String revocationReason, Seal seal,
                            Hashes sha256) {
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/api/v1/verify/{code}")
    @Operation(summary = "Verify an issued document by its short code (public; the holder is masked; an address with many unknown codes lately gets 429)")
    VerificationJson verify(@PathVariable String code, HttpServletRequest request) {
        Verification v = documents.verify(code, request.getRemoteAddr());
        DocumentDetails d = v.document();
        var doc = d.document();
        String status = d.revoked() ? "revoked" : v.sealValid() ? "valid" : "seal_invalid";
        return new VerificationJson(doc.shortCode(), doc.type(), new Text(doc.titleMn(), doc.titleEn()),
                new Holder(v.maskedHolderName(), v.maskedRegisterNumber()),
                new Issuer(doc.agencyCode(), d.agencyNameMn(), d.agencyNameEn()), d.issuedOn(), doc.issuedAt(), status,
                doc.revokedAt(), d.revocationReason(), new Seal(v.sealValid(), v.signatures()),
                new Hashes(d.sha256Mn(), d.sha256En()));
    }
}
