package mn.zasag.pki.web;

import io.swagger.v3.oas.annotations.Hidden;
import mn.zasag.pki.CertificateAuthorities;
import mn.zasag.pki.internal.TimeStampAuthority;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * The PKI's public URLs, a contract other systems hard-code: CA certificates, CRLs and the time-stamp
 * authority (the OCSP responder's URLs are served by {@link OcspHttp}, in front of the filter stack). The
 * TSA answers every failure in its protocol's own format, never with a problem document.
 */
@RestController
@Hidden
class PkiEndpoints {

    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");
    static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType TIMESTAMP_REPLY = MediaType.parseMediaType("application/timestamp-reply");

    private final CertificateAuthorities authorities;
    private final TimeStampAuthority tsa;

    PkiEndpoints(CertificateAuthorities authorities, TimeStampAuthority tsa) {
        this.authorities = authorities;
        this.tsa = tsa;
    }

    /** RFC 3161 over HTTP: application/timestamp-query in, application/timestamp-reply out, refusals as TSP rejections. */
    @PreAuthorize("permitAll()")
    @PostMapping("/pki/tsa")
    ResponseEntity<byte[]> timeStamp(@RequestBody(required = false) byte[] request) {
        return ResponseEntity.ok().contentType(TIMESTAMP_REPLY).cacheControl(CacheControl.noStore())
                .body(tsa.respond(request == null ? new byte[0] : request));
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/pki/ca/{ca}.pem")
    ResponseEntity<String> caCertificate(@PathVariable String ca) {
        return ResponseEntity.ok().contentType(PEM).cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(authorities.get(ca).pem());
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/pki/crl/{ca}.crl")
    ResponseEntity<byte[]> crl(@PathVariable String ca) {
        return ResponseEntity.ok().contentType(CRL).cacheControl(CacheControl.noCache()).body(authorities.crl(ca));
    }
}
