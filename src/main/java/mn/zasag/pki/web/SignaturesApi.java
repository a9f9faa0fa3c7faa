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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import mn.zasag.pki.CadesRejected;
import mn.zasag.pki.SignatureLevelUnsupported;
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

    @PreAuthorize("hasAuthority('DOCUMENTS_SEAL')")
    @PostMapping(value = "/cades", produces = "application/pkcs7-signature")
    @Operation(summary = "Seal any file (the body) with a detached CAdES signature, level B-B or B-T; answers the DER "
            + "signature (.p7s)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<byte[]> cades(@RequestParam(defaultValue = "B-T") String level, HttpServletRequest request,
                                 Authentication auth) throws IOException {
        PadesLevel cadesLevel = PadesLevel.of(level);
        if (cadesLevel == PadesLevel.B_LT) {
            throw new SignatureLevelUnsupported(level);
        }
        byte[] content = read(request);
        String agency = auth.getPrincipal() instanceof Actor actor ? actor.agencyCode() : null;
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkcs7-signature"))
                .header("Content-Disposition", "attachment; filename=\"signature.p7s\"")
                .body(signing.sealDetached(content, cadesLevel == PadesLevel.B_T, agency));
    }

    @PreAuthorize("permitAll()")
    @PostMapping(value = "/cades/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a detached CAdES signature (part 'signature', DER) over a file (part 'file')")
    SignatureValidation.SignatureReport validateCades(@RequestPart(name = "file", required = false) MultipartFile file,
                                                      @RequestPart(name = "signature", required = false) MultipartFile signature)
            throws IOException {
        if (signature == null || signature.isEmpty()) {
            throw new CadesRejected(CadesRejected.SIGNATURE_MALFORMED, "The signature part is missing.");
        }
        return validation.validateDetached(file == null ? null : file.getBytes(), signature.getBytes());
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
