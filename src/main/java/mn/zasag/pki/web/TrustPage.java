package mn.zasag.pki.web;

import mn.zasag.pki.CertificateAuthorities;
import mn.zasag.pki.internal.PkiSettings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Public: the CA certificates and CRLs with their fingerprints, for anyone configuring trust in us. */
@Controller
class TrustPage {

    private final CertificateAuthorities authorities;
    private final PkiSettings settings;

    TrustPage(CertificateAuthorities authorities, PkiSettings settings) {
        this.authorities = authorities;
        this.settings = settings;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/pki")
    String trust(Model model) {
        model.addAttribute("authorities", authorities.all());
        model.addAttribute("ocspUrl", settings.ocspUrl());
        return "pki/trust";
    }
}
