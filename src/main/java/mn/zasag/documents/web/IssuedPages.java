package mn.zasag.documents.web;

import mn.zasag.catalog.Agencies;
import mn.zasag.documents.DocumentCodeInvalid;
import mn.zasag.documents.DocumentDetails;
import mn.zasag.documents.DocumentRefused;
import mn.zasag.documents.Documents;
import mn.zasag.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** The issuing agency's officers: the documents their agency issued, found by short code or holder, and revocation. */
@Controller
class IssuedPages {

    private static final int PAGE = 50;
    private final Documents documents;
    private final Agencies agencies;

    IssuedPages(Documents documents, Agencies agencies) {
        this.documents = documents;
        this.agencies = agencies;
    }

    @PreAuthorize("hasAuthority('DOCUMENTS_ISSUED_READ')")
    @GetMapping("/documents/issued")
    String issued(@AuthenticationPrincipal Actor me, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("agency", agencies.find(me.agencyCode()).orElse(null));
        model.addAttribute("q", q);
        List<DocumentDetails> found;
        try {
            found = documents.issuedBy(me.agencyCode(), q, PAGE);
        } catch (DocumentCodeInvalid e) {
            model.addAttribute("queryError", "documents.issued.q.invalid");
            found = List.of();
        }
        model.addAttribute("documents", found);
        return "documents/issued";
    }

    @PreAuthorize("hasAuthority('DOCUMENTS_ISSUED_READ')")
    @GetMapping("/documents/issued/{id}")
    String document(@AuthenticationPrincipal Actor me, @PathVariable String id, Model model) {
        model.addAttribute("d", documents.issued(id, me));
        return "documents/document";
    }

    @PreAuthorize("hasAuthority('DOCUMENTS_REVOKE')")
    @PostMapping("/documents/issued/{id}/revoke")
    String revoke(@AuthenticationPrincipal Actor me, @PathVariable String id, @RequestParam(defaultValue = "") String reason,
                  Model model, RedirectAttributes redirect) {
        try {
            DocumentDetails revoked = documents.revoke(id, reason, me);
            redirect.addFlashAttribute("done", revoked.document().shortCode());
            return "redirect:/documents/issued";
        } catch (DocumentRefused e) {
            // a missing or over-long reason, or a colleague revoked it meanwhile: say so on the same page
            if (e.status().value() == 422 || e.status().value() == 409) {
                model.addAttribute("d", documents.issued(id, me));
                model.addAttribute("reason", reason);
                model.addAttribute("reasonError", e.messageKey());
                return "documents/document";
            }
            throw e;
        }
    }
}
