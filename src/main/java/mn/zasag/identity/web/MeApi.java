package mn.zasag.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import mn.zasag.identity.AccountNotFound;
import mn.zasag.identity.AccountSummary;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.internal.AccountPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;
import java.util.TreeSet;

/** Who am I: the calling account and what it may do. The first call a script makes with a new token. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Identity")
class MeApi {

    private final Accounts accounts;

    MeApi(Accounts accounts) {
        this.accounts = accounts;
    }

    @PreAuthorize("hasAuthority('ACCOUNT_SELF')")
    @GetMapping
    @Operation(summary = "The calling account", security = @SecurityRequirement(name = "bearer"))
    Me me(@AuthenticationPrincipal AccountPrincipal me) {
        AccountSummary a = accounts.find(me.accountId()).orElseThrow(() -> new AccountNotFound(me.accountId()));
        Set<String> permissions = new TreeSet<>();
        a.role().permissions().forEach(p -> permissions.add(p.name()));
        return new Me(a.id(), a.login(), a.role().name(), a.familyName(), a.givenName(), a.agencyCode(), permissions);
    }

    record Me(long id, String login, String role, String familyName, String givenName, String agencyCode,
              Set<String> permissions) {
    }
}
