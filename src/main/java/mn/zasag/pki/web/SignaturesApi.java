package mn.zasag.pki.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import mn.zasag.pki.DocumentSigning;
import mn.zasag.pki.PadesLevel;
import mn.zasag.pki.PdfRejected;
import mn.zasag.pki.SignatureValidation;
import mn.zasag.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Seals PDFs with the caller's agency seal (the platform's own for a platform admin), and checks anyone's. */
@RestController
@RequestMapping("/api/v1/pki/signatures")
@Tag(name = "PKI")
class SignaturesApi {

    private final DocumentSigning signing;
    private final SignatureValidation validation;
    private final int maxBytes;

    SignaturesApi(DocumentSigning signing, SignatureValidation validation, @Value("${zasag.pki.max-pdf-bytes}") int maxBytes) {
        this.signing = signing;
        this.validation = validation;
        this.maxBytes = maxBytes;
    }

    @PreAuthorize("hasAuthority('DOCUMENTS_SEAL')")
    @PostMapping(value = "/pades", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Seal a PDF (body application/pdf) as a PAdES signature at level B-B or B-T; answers the sealed PDF",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<byte[]> pades(@RequestParam(defaultValue = "B-T") String level, HttpServletRequest request,
                                 Authentication auth) throws IOException {
        PadesLevel padesLevel = PadesLevel.of(level);
        byte[] pdf = read(request);
        String agency = auth.getPrincipal() instanceof Actor actor ? actor.agencyCode() : null;
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(signing.seal(pdf, padesLevel, agency));
    }

    @PreAuthorize("permitAll()")
    @PostMapping(value = "/validate", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check the signatures of a PDF (body application/pdf): signer, time, level, intact, certificate status, trusted")
    List<SignatureValidation.SignatureReport> validate(HttpServletRequest request) throws IOException {
        return validation.validate(read(request));
    }

    /** Reads at most the limit, so an oversized body is refused without holding all of it. */
    private byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw new PdfRejected(PdfRejected.TOO_LARGE, "The PDF is larger than " + maxBytes + " bytes.");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new PdfRejected(PdfRejected.TOO_LARGE, "The PDF is larger than " + maxBytes + " bytes.");
            }
            return body;
        }
    }
}
