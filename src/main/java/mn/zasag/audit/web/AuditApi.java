package mn.zasag.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import mn.zasag.audit.AuditVerification;
import mn.zasag.audit.ChainVerification;
import mn.zasag.audit.internal.AuditPage;
import mn.zasag.audit.internal.AuditSearch;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for scripts: the same search and verification as the pages, as JSON. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail", description = "The append-only, hash-chained record of who did what")
class AuditApi {

    private final AuditSearch search;
    private final AuditVerification verification;

    AuditApi(AuditSearch search, AuditVerification verification) {
        this.search = search;
        this.verification = verification;
    }

    @PreAuthorize("hasAuthority('AUDIT_READ')")
    @GetMapping("/entries")
    @Operation(summary = "Search the audit trail, newest first",
            description = "Officers see what people of their own agency did; AUDIT_READ_ALL sees everything. "
                    + "To read the next page, repeat the search with before = nextBefore. Bad filters are answered "
                    + "with 400 and a code: audit_date_invalid, audit_date_range_invalid, audit_page_size_invalid, "
                    + "audit_outcome_invalid, audit_cursor_invalid, audit_filter_invalid.",
            security = @SecurityRequirement(name = "bearer"))
    AuditPage entries(@ParameterObject @ModelAttribute AuditFilter filter) {
        return search.search(filter.toQuery());
    }

    @PreAuthorize("hasAuthority('AUDIT_VERIFY')")
    @GetMapping("/verify")
    @Operation(summary = "Verify the hash chain",
            description = "Recomputes every entry's hash and checks every link and the chain's head; reports the "
                    + "first entry that does not fit. Each run is itself recorded as audit.chain.verified.",
            security = @SecurityRequirement(name = "bearer"))
    ChainVerification verify() {
        return verification.verify();
    }
}
