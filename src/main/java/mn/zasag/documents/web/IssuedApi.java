package mn.zasag.documents.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import mn.zasag.documents.Documents;
import mn.zasag.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The issuing agency's documents over REST: list and search its own, revoke one with a reason. */
@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "Documents")
class IssuedApi {

    private final Documents documents;

    IssuedApi(Documents documents) {
        this.documents = documents;
    }

    record Revocation(String reason) {
    }

    @PreAuthorize("hasAuthority('DOCUMENTS_ISSUED_READ')")
    @GetMapping
    @Operation(summary = "Documents the caller's agency issued, newest first; q = a short code or a holder's register number",
            security = @SecurityRequirement(name = "bearer"))
    List<DocumentJson> issued(@AuthenticationPrincipal Actor me, @RequestParam(defaultValue = "") String q,
                              @RequestParam(defaultValue = "50") int size) {
        return documents.issuedBy(me.agencyCode(), q, size).stream().map(d -> DocumentJson.of(d, documents)).toList();
    }

    @PreAuthorize("hasAuthority('DOCUMENTS_REVOKE')")
    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke a document the caller's agency issued (another agency's: 403, audited)",
            security = @SecurityRequirement(name = "bearer"))
    DocumentJson revoke(@AuthenticationPrincipal Actor me, @PathVariable String id, @RequestBody(required = false) Revocation body) {
        return DocumentJson.of(documents.revoke(id, body == null ? null : body.reason(), me), documents);
    }
}
