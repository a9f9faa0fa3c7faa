package mn.zasag.documents.web;

import mn.zasag.documents.DocumentDetails;
import mn.zasag.documents.Documents;
import mn.zasag.documents.NewDocument;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An issued document as the holder's and the issuer's APIs show it. */
record DocumentJson(String id, String type, String shortCode, Text title, String agencyCode, Text agency,
                    String holderRegisterNumber, String holderName, List<NewDocument.Line> lines, LocalDate issuedOn,
                    Instant issuedAt, String status, Instant revokedAt, String revocationReason, String sourceReference,
                    List<String> languages, String verifyUrl, Hashes sha256) {

    record Text(String mn, String en) {
    }

    record Hashes(String mn, String en) {
    }

    static DocumentJson of(DocumentDetails d, Documents documents) {
        List<String> languages = new ArrayList<>(List.of("mn"));
        if (d.english()) {
            languages.add("en");
        }
        var doc = d.document();
        return new DocumentJson(doc.id(), doc.type(), doc.shortCode(), new Text(doc.titleMn(), doc.titleEn()), doc.agencyCode(),
                new Text(d.agencyNameMn(), d.agencyNameEn()), doc.holderRegisterNumber(), d.holderName(), d.lines(),
                d.issuedOn(), doc.issuedAt(), d.revoked() ? "revoked" : "valid", doc.revokedAt(), d.revocationReason(),
                doc.sourceReference(), languages, documents.verifyUrl(doc.shortCode()), new Hashes(d.sha256Mn(), d.sha256En()));
    }
}
