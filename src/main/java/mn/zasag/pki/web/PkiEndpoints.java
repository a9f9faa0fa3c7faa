package mn.zasag.pki.web;

import io.swagger.v3.oas.annotations.Hidden;
import mn.zasag.pki.CertificateAuthorities;
import mn.zasag.pki.internal.OcspResponder;
import mn.zasag.pki.internal.TimeStampAuthority;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The PKI's public URLs, a contract other systems hard-code: CA certificates, CRLs and the OCSP
 * responder, the time-stamp authority. OCSP and TSA answer every failure in their protocol's own format,
 * never with a problem document.
 */
@RestController
@Hidden
class PkiEndpoints {

    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");
    static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");
    static final MediaType TIMESTAMP_REPLY = MediaType.parseMediaType("application/timestamp-reply");

    private final CertificateAuthorities authorities;
    private final OcspResponder ocsp;
    private final TimeStampAuthority tsa;
    private final Clock clock;

    PkiEndpoints(CertificateAuthorities authorities, OcspResponder ocsp, TimeStampAuthority tsa, Clock clock) {
        this.authorities = authorities;
        this.ocsp = ocsp;
        this.tsa = tsa;
        this.clock = clock;
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

    /** RFC 6960 appendix A.1: the DER request as the body. */
    @PreAuthorize("permitAll()")
    @PostMapping("/pki/ocsp")
    ResponseEntity<byte[]> ocspPost(@RequestBody(required = false) byte[] request) {
        OcspResponder.Answer answer = ocsp.respond(request == null ? new byte[0] : request);
        return ResponseEntity.ok().contentType(OCSP_RESPONSE).cacheControl(CacheControl.noStore()).body(answer.der());
    }

    /**
     * RFC 5019 / RFC 6960 A.1: the request base64-encoded, then URL-encoded, in the path; answers cacheable
     * until nextUpdate. The path is read raw from the request line and only percent-decoded here (a
     * {@code +} stays a {@code +}), so {@code %2F}, {@code %2B}, {@code %3D} and clients that forget to
     * URL-encode all work.
     */
    @PreAuthorize("permitAll()")
    @GetMapping("/pki/ocsp/**")
    ResponseEntity<byte[]> ocspGet(HttpServletRequest http) {
        OcspResponder.Answer answer = ocsp.respond(fromPath(http));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(OCSP_RESPONSE);
        if (!answer.successful()) {
            return response.cacheControl(CacheControl.noStore()).body(answer.der());
        }
        long maxAge = Math.max(0, Duration.between(clock.instant(), answer.nextUpdate()).getSeconds());
        return response
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(maxAge)).cachePublic().noTransform().mustRevalidate())
                .lastModified(answer.thisUpdate())
                .headers(h -> h.setExpires(answer.nextUpdate().toEpochMilli()))
                .body(answer.der());
    }

    static byte[] fromPath(HttpServletRequest http) {
        String raw = http.getRequestURI().substring(http.getContextPath().length());
        int start = raw.indexOf("/pki/ocsp/");
        if (start < 0) {
            return new byte[0];
        }
        try {
            String base64 = StringUtils.uriDecode(raw.substring(start + "/pki/ocsp/".length()), StandardCharsets.US_ASCII);
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
