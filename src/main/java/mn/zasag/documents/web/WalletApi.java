package mn.zasag.documents.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import mn.zasag.documents.Documents;
import mn.zasag.shared.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The citizen's own issued documents over REST. */
@RestController
@RequestMapping("/api/v1/my/documents")
@Tag(name = "Documents")
class WalletApi {

    private final Documents documents;

    WalletApi(Documents documents) {
        this.documents = documents;
    }

    @PreAuthorize("hasAuthority('DOCUMENTS_OWN')")
    @GetMapping
    @Operation(summary = "The caller's issued documents, newest first", security = @SecurityRequirement(name = "bearer"))
    List<DocumentJson> mine(@AuthenticationPrincipal Actor me) {
        return documents.heldBy(me.login()).stream().map(d -> DocumentJson.of(d, documents)).toList();
    }

    @PreAuthorize("hasAuthority('DOCUMENTS_OWN')")
    @GetMapping("/{id}/pdf")
    @Operation(summary = "One of the caller's documents as the sealed PDF (lang mn or en); another person's is 404 and audited",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Actor me, @PathVariable String id,
                               @RequestParam(defaultValue = "mn") String lang) {
        return Pdfs.download(documents, id, lang, me);
    }
}
