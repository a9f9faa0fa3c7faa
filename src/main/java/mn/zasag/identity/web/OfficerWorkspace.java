package mn.zasag.identity.web;

import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.internal.AccountPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * An official's starting page: their agency and colleagues. The work queues of later modules
 * (applications, 11-11 cases) will be listed here.
 */
@Controller
class OfficerWorkspace {

    private final Agencies agencies;
    private final Accounts accounts;

    OfficerWorkspace(Agencies agencies, Accounts accounts) {
        this.agencies = agencies;
        this.accounts = accounts;
    }

    @PreAuthorize("hasAuthority('OFFICER_WORKSPACE')")
    @GetMapping("/officer")
    String workspace(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("agency", agencies.find(me.agencyCode()).orElse(null));
        model.addAttribute("colleagues", accounts.staff(me.agencyCode()));
        return "identity/officer";
    }
}
