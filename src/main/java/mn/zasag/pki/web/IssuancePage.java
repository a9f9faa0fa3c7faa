package mn.zasag.pki.web;

import mn.zasag.pki.Certificates;
import mn.zasag.pki.IssuedCertificate;
import mn.zasag.shared.Actor;
import mn.zasag.shared.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * For holders of {@code PKI_ISSUE}: issue a certificate from an uploaded or pasted PKCS#10 request and get
 * its PEM, or generate a person's key pair and download it once as a password-protected PKCS#12 (the key
 * is not kept, so the download is the only copy).
 */
@Controller
class IssuancePage {

    private final Certificates certificates;

    IssuancePage(Certificates certificates) {
        this.certificates = certificates;
    }

    @PreAuthorize("hasAuthority('PKI_ISSUE')")
    @GetMapping("/pki/issue")
    String form(Model model) {
        return page(model);
    }

    @PreAuthorize("hasAuthority('PKI_ISSUE')")
    @PostMapping("/pki/issue/csr")
    String issue(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String pem,
                 @RequestParam(required = false) String profile, Authentication auth, Model model) throws IOException {
        byte[] csr = file != null && !file.isEmpty() ? file.getBytes()
                : pem == null ? new byte[0] : pem.getBytes(StandardCharsets.US_ASCII);
        try {
            IssuedCertificate issued = certificates.issue(csr, profile, agencyOf(auth));
            model.addAttribute("issued", issued);
        } catch (ProblemException e) {
            model.addAttribute("csrProblem", e.messageKey());
        }
        return page(model);
    }

    @PreAuthorize("hasAuthority('PKI_ISSUE')")
    @PostMapping("/pki/issue/pkcs12")
    Object handOut(@RequestParam(required = false) String commonName, @RequestParam(required = false) String registerNumber,
                   @RequestParam(required = false) String password, @RequestParam(required = false) String confirmation,
                   Authentication auth, Model model) {
        if (password == null || !password.equals(confirmation)) {
            return problem(model, "problem.pkcs12_password_mismatch", commonName, registerNumber);
        }
        char[] secret = password.toCharArray();
        try {
            Certificates.HandOut handOut = certificates.handOutKeyPair(commonName, registerNumber, secret, agencyOf(auth));
            return ResponseEntity.ok().contentType(CertificatesApi.PKCS12)
                    .header("Content-Disposition", "attachment; filename=\"" + handOut.certificate().serial() + ".p12\"")
                    .header("X-Certificate-Serial", handOut.certificate().serial())
                    .cacheControl(CacheControl.noStore())
                    .body(handOut.pkcs12());
        } catch (ProblemException e) {
            return problem(model, e.messageKey(), commonName, registerNumber);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private ModelAndView problem(Model model, String key, String commonName, String registerNumber) {
        model.addAttribute("pkcs12Problem", key);
        model.addAttribute("commonName", commonName);
        model.addAttribute("registerNumber", registerNumber);
        page(model);
        return new ModelAndView("pki/issue", model.asMap());
    }

    private String page(Model model) {
        model.addAttribute("profiles", certificates.profiles());
        model.addAttribute("minPassword", Certificates.MIN_PASSWORD_LENGTH);
        return "pki/issue";
    }

    private static String agencyOf(Authentication auth) {
        return auth.getPrincipal() instanceof Actor actor ? actor.agencyCode() : null;
    }
}
