package mn.zasag.exchange.internal;

import jakarta.servlet.http.HttpServletRequest;
import mn.zasag.exchange.Directory;
import mn.zasag.exchange.ExchangeError;
import mn.zasag.shared.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.security.cert.X509Certificate;
import java.time.Clock;

/**
 * Who is calling, proven one of two ways: a TLS client certificate from our PKI bound to the client subsystem
 * (on the mutual-TLS connector; its status asked by OCSP from the responder the certificate names, the CRL as
 * fallback — see {@link RevocationChecker}), or a personal access token of an official of the member's agency with
 * {@code EXCHANGE_CALL}. Anything else is {@code Server.ClientProxy.SslAuthenticationFailed}.
 */
@Component
public class ClientAuthentication {

    static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private final Directory directory;
    private final RevocationChecker revocation;
    private final Clock clock;

    ClientAuthentication(Directory directory, RevocationChecker revocation, Clock clock) {
        this.directory = directory;
        this.revocation = revocation;
        this.clock = clock;
    }

    /** @return how the client was authenticated, for the message log */
    public String authenticate(HttpServletRequest request, String clientId) {
        if (request.getAttribute(CERTIFICATE_ATTRIBUTE) instanceof X509Certificate[] chain && chain.length > 0) {
            X509Certificate certificate = chain[0];
            String serial = certificate.getSerialNumber().toString(16).toUpperCase();
            if (clock.instant().isAfter(certificate.getNotAfter().toInstant()) || clock.instant().isBefore(certificate.getNotBefore().toInstant())) {
                throw failed("The client certificate is not valid now");
            }
            String bound = directory.subsystemOfCertificate(serial)
                    .orElseThrow(() -> failed("The client certificate is not bound to any subsystem"));
            if (!bound.equals(clientId)) {
                throw failed("The client certificate is bound to " + bound + ", not to " + clientId);
            }
            RevocationChecker.Checked status = revocation.check(certificate)
                    .orElseThrow(() -> failed("The client certificate's status could not be checked (neither OCSP nor the CRL answered)"));
            if (status.status() != RevocationChecker.Status.GOOD) {
                throw failed("The client certificate is " + (status.status() == RevocationChecker.Status.REVOKED ? "revoked" : "unknown to its CA")
                        + " (" + status.source().toUpperCase() + ")");
            }
            return "tls:" + serial;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor
                && auth.getAuthorities().stream().anyMatch(a -> "EXCHANGE_CALL".equals(a.getAuthority()))) {
            String memberId = clientId.substring(0, clientId.lastIndexOf('/'));
            String agency = directory.member(memberId).map(Directory.Member::agencyCode).orElse(null);
            if (agency != null && agency.equals(actor.agencyCode())) {
                return "token:" + actor.login();
            }
            throw failed("The token's agency is not the member of " + clientId);
        }
        throw failed("Authenticate with a TLS client certificate bound to " + clientId + " or an official's token");
    }

    private static ExchangeError failed(String message) {
        return new ExchangeError(ExchangeError.AUTHENTICATION_FAILED, message);
    }
}
