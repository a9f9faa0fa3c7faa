package mn.zasag.documents.web;

import mn.zasag.documents.Documents;
import mn.zasag.shared.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** "My documents": the citizen's wallet of issued documents, each downloadable as sealed, in each language issued. */
@Controller
class WalletPages {

    private final Documents documents;

    WalletPages(Documents documents) {
        this.documents = documents;
    }

    @PreAuthorize("hasAuthority('DOCUMENTS_OWN')")
    @GetMapping("/my/documents")
    String mine(@AuthenticationPrincipal Actor me, Model model) {
        model.addAttribute("documents", documents.heldBy(me.login()));
        return "documents/mine";
    }

    @PreAuthorize("hasAuthority('DOCUMENTS_OWN')")
    @GetMapping("/my/documents/{id}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Actor me, @PathVariable String id,
                               @RequestParam(defaultValue = "mn") String lang) {
        return Pdfs.download(documents, id, lang, me);
    }
}
