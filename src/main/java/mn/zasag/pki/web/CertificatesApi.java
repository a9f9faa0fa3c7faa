package mn.zasag.pki.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import mn.zasag.pki.CertificateNotFound;
import mn.zasag.pki.Certificates;
import mn.zasag.pki.IssuedCertificate;
import mn.zasag.pki.RevocationReason;
import mn.zasag.pki.RevocationReasonInvalid;
import mn.zasag.shared.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Arrays;

/**
 * Issuance and lifecycle of certificates. Agency admins act for certificates their agency requested;
 * {@code PKI_ADMIN} (platform admins) acts for any.
 */
@RestController
@RequestMapping("/api/v1/pki/certificates")
@Tag(name = "PKI")
class CertificatesApi {

    private final Certificates certificates;

    CertificatesApi(Certificates certificates) {
        this.certificates = certificates;
    }

    @PreAuthorize("hasAuthority('PKI_ISSUE')")
    @PostMapping(consumes = {"application/pkcs10", "application/x-pem-file", "text/plain", "application/octet-stream"})
    @Operation(summary = "Issue a certificate from a PKCS#10 request (PEM or DER body)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<IssuedCertificate> issue(@RequestParam String profile, @RequestBody(required = false) byte[] csr,
                                            Authentication auth) {
        IssuedCertificate issued = certificates.issue(csr, profile, agencyOf(auth));
        return ResponseEntity.created(URI.create("/api/v1/pki/certificates/" + issued.serial())).body(issued);
    }

    @PreAuthorize("hasAuthority('PKI_ISSUE')")
    @PostMapping(path = "/pkcs12", consumes = "application/json", produces = "application/x-pkcs12")
    @Operation(summary = "Generate a key pair for a person (person_signing profile) and hand it out once as a "
            + "password-protected PKCS#12; the key is not kept", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<byte[]> handOut(@Valid @RequestBody KeyPairRequest body, Authentication auth) {
        char[] password = body.password() == null ? null : body.password().toCharArray();
        try {
            Certificates.HandOut handOut = certificates.handOutKeyPair(body.commonName(), body.registerNumber(), password, agencyOf(auth));
            return ResponseEntity.status(201).contentType(PKCS12)
                    .header("X-Certificate-Serial", handOut.certificate().serial())
                    .header("Content-Disposition", "attachment; filename=\"" + handOut.certificate().serial() + ".p12\"")
                    .cacheControl(CacheControl.noStore())
                    .body(handOut.pkcs12());
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    @PreAuthorize("hasAuthority('PKI_ISSUE')")
    @PostMapping(path = "/{serial}/renew")
    @Operation(summary = "Renew: a new certificate for the same subject, for the same key (no body) or a new one "
            + "(a PKCS#10 request body); the old one is revoked as superseded", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<IssuedCertificate> renew(@PathVariable String serial, @RequestBody(required = false) byte[] csr, Authentication auth) {
        IssuedCertificate renewed = certificates.renew(serial, csr, scope(auth));
        return ResponseEntity.created(URI.create("/api/v1/pki/certificates/" + renewed.serial())).body(renewed);
    }

    record KeyPairRequest(String commonName, String registerNumber, String password) {
        @Override
        public String toString() {
            return "KeyPairRequest[" + commonName + ", " + registerNumber + ", password hidden]";
        }
    }

    static final org.springframework.http.MediaType PKCS12 = org.springframework.http.MediaType.parseMediaType("application/x-pkcs12");

    @PreAuthorize("hasAnyAuthority('PKI_ISSUE', 'PKI_REVOKE', 'PKI_ADMIN')")
    @GetMapping("/{serial}")
    @Operation(summary = "One certificate and its status, by serial number in hex", security = @SecurityRequirement(name = "bearer"))
    IssuedCertificate one(@PathVariable String serial, Authentication auth) {
        return certificates.find(serial, scope(auth)).orElseThrow(() -> new CertificateNotFound(serial));
    }

    @PreAuthorize("hasAuthority('PKI_REVOKE')")
    @PostMapping("/{serial}/revoke")
    @Operation(summary = "Revoke with an RFC 5280 reason (keyCompromise, superseded, ...)", security = @SecurityRequirement(name = "bearer"))
    IssuedCertificate revoke(@PathVariable String serial, @Valid @RequestBody Revocation body, Authentication auth) {
        RevocationReason reason = Arrays.stream(RevocationReason.values()).filter(r -> r.name().equals(body.reason()))
                .findFirst().orElseThrow(() -> new RevocationReasonInvalid(body.reason()));
        return certificates.revoke(serial, reason, scope(auth));
    }

    @PreAuthorize("hasAuthority('PKI_REVOKE')")
    @PostMapping("/{serial}/suspend")
    @Operation(summary = "Suspend (certificateHold)", security = @SecurityRequirement(name = "bearer"))
    IssuedCertificate suspend(@PathVariable String serial, Authentication auth) {
        return certificates.suspend(serial, scope(auth));
    }

    @PreAuthorize("hasAuthority('PKI_REVOKE')")
    @PostMapping("/{serial}/unsuspend")
    @Operation(summary = "Lift a suspension", security = @SecurityRequirement(name = "bearer"))
    IssuedCertificate unsuspend(@PathVariable String serial, Authentication auth) {
        return certificates.reinstate(serial, scope(auth));
    }

    record Revocation(@NotBlank String reason) {
    }

    private static String agencyOf(Authentication auth) {
        return auth.getPrincipal() instanceof Actor actor ? actor.agencyCode() : null;
    }

    /** Null (everything) for PKI_ADMIN, else the caller's agency; an account of no agency then sees nothing. */
    private static String scope(Authentication auth) {
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> "PKI_ADMIN".equals(a.getAuthority()));
        if (admin) {
            return null;
        }
        String agency = agencyOf(auth);
        return agency == null ? "\u0000none" : agency;
    }
}
