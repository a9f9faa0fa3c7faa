package mn.zasag.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import mn.zasag.audit.AuditEntry;
import mn.zasag.audit.AuditEvent.Outcome;
import mn.zasag.audit.AuditVerification;
import mn.zasag.audit.internal.AuditPage;
import mn.zasag.audit.internal.AuditQuery;
import mn.zasag.audit.internal.AuditQueryRejected;
import mn.zasag.audit.internal.AuditScope;
import mn.zasag.audit.internal.AuditSearch;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The audit trail for officers and admins: a filter form, the matching entries newest first, and for
 * those who may, a button that verifies the whole chain. A bad filter is explained on the page itself.
 */
@Controller
class AuditPages {

    static final String PATH = "/audit";
    static final List<Integer> PAGE_SIZES = List.of(20, AuditQuery.DEFAULT_SIZE, AuditQuery.MAX_SIZE);

    private final AuditSearch search;
    private final AuditVerification verification;
    private final Clock clock;

    AuditPages(AuditSearch search, AuditVerification verification, Clock clock) {
        this.search = search;
        this.verification = verification;
        this.clock = clock;
    }

    @PreAuthorize("hasAuthority('AUDIT_READ')")
    @GetMapping(PATH)
    String search(@ModelAttribute("filter") AuditFilter filter, Authentication caller, Model model,
                  HttpServletResponse response) {
        return page(filter, caller, model, response);
    }

    @PreAuthorize("hasAuthority('AUDIT_VERIFY')")
    @PostMapping(PATH + "/verify")
    String verify(Authentication caller, Model model, HttpServletResponse response) {
        model.addAttribute("verification", verification.verify());
        model.addAttribute("filter", AuditFilter.NONE);
        return page(AuditFilter.NONE, caller, model, response);
    }

    private String page(AuditFilter filter, Authentication caller, Model model, HttpServletResponse response) {
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("pageSizes", PAGE_SIZES);
        model.addAttribute("canVerify", caller.getAuthorities().stream()
                .anyMatch(a -> "AUDIT_VERIFY".equals(a.getAuthority())));
        model.addAttribute("selectedSize", String.valueOf(AuditQuery.DEFAULT_SIZE));
        AuditPage found;
        try {
            AuditQuery query = filter.toQuery();
            model.addAttribute("selectedSize", String.valueOf(query.size()));
            if (query.before() != null) {
                model.addAttribute("firstPage", filter.link(PATH, null));
            }
            found = search.search(query);
        } catch (AuditQueryRejected rejected) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("rejected", rejected.messageKey());
            model.addAttribute("scope", AuditScope.ofCaller());
            model.addAttribute("entries", List.of());
            return "audit/search";
        }
        model.addAttribute("scope", found.scope());
        model.addAttribute("entries", found.entries().stream().map(this::row).toList());
        if (found.nextBefore() != null) {
            model.addAttribute("nextPage", filter.link(PATH, found.nextBefore()));
        }
        return "audit/search";
    }

    private EntryRow row(AuditEntry e) {
        String details = new TreeMap<>(e.details()).entrySet().stream()
                .map(d -> d.getKey() + "=" + d.getValue()).collect(Collectors.joining(", "));
        return new EntryRow(e.id(), e.at().atZoneSameInstant(clock.getZone()), e.action(), e.outcome(), e.actorLogin(),
                e.actorAgency(), e.objectType(), e.objectId(), e.ip(), details);
    }

    /** An entry as the table shows it: the time in Mongolian time, the details on one line. */
    record EntryRow(long id, ZonedDateTime at, String action, String outcome, String actor, String agency,
                    String objectType, String objectId, String ip, String details) {
    }
}
