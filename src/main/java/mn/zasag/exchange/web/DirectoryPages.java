package mn.zasag.exchange.web;

import mn.zasag.exchange.Directory;
import mn.zasag.exchange.internal.ExchangeMetrics;
import mn.zasag.exchange.internal.LogArchiver;
import mn.zasag.shared.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.function.Supplier;

/**
 * The directory's admin pages: platform admins see and change every member, agency admins their own agency's
 * member (its subsystems, services, their settings and access rights); the figures per service are shown to all.
 */
@Controller
class DirectoryPages {

    private final Directory directory;
    private final ExchangeMetrics metrics;
    private final LogArchiver archiver;

    DirectoryPages(Directory directory, ExchangeMetrics metrics, LogArchiver archiver) {
        this.directory = directory;
        this.metrics = metrics;
        this.archiver = archiver;
    }

    record ServiceRow(Directory.ServiceEntry service, List<Directory.AccessRight> rights) {
    }

    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    @GetMapping("/admin/exchange")
    String page(Authentication auth, Model model) {
        String scope = DirectoryApiScope.of(auth);
        List<Directory.Member> members = directory.members().stream()
                .filter(m -> scope == null || scope.equals(m.agencyCode())).toList();
        List<Directory.Subsystem> subsystems = members.stream().flatMap(m -> directory.subsystems(m.id()).stream()).toList();
        List<ServiceRow> services = subsystems.stream().flatMap(s -> directory.services(s.id()).stream())
                .map(s -> new ServiceRow(s, directory.rights(s.id()))).toList();
        model.addAttribute("members", members);
        model.addAttribute("subsystems", subsystems);
        model.addAttribute("services", services);
        model.addAttribute("clients", directory.subsystems(null));
        model.addAttribute("groups", directory.groups().stream()
                .filter(g -> "GLOBAL".equals(g.kind()) || members.stream().anyMatch(m -> m.id().equals(g.ownerMemberId()))).toList());
        model.addAttribute("platformAdmin", scope == null);
        if (scope == null) {
            model.addAttribute("archives", archiver.archives());
            model.addAttribute("retentionDays", archiver.retentionDays());
        }
        model.addAttribute("providers", directory.providerKeys().stream().sorted().toList());
        model.addAttribute("logModes", List.of("FULL", "METADATA", "OFF"));
        model.addAttribute("figures", metrics.perService());
        return "exchange/admin";
    }

    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    @PostMapping("/admin/exchange/subsystems")
    String subsystem(Authentication auth, @RequestParam String memberId, @RequestParam String code, @RequestParam(required = false) String name,
                     RedirectAttributes redirect) {
        return act(redirect, () -> directory.addSubsystem(memberId, code, name, DirectoryApiScope.of(auth)));
    }

    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    @PostMapping("/admin/exchange/services")
    String publish(Authentication auth, @RequestParam String subsystemId, @RequestParam String provider,
                   @RequestParam(required = false) String code, RedirectAttributes redirect) {
        return act(redirect, () -> directory.publish(subsystemId, provider, code, DirectoryApiScope.of(auth)));
    }

    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    @PostMapping("/admin/exchange/services/settings")
    String configure(Authentication auth, @RequestParam String id, @RequestParam String logMode,
                     @RequestParam(defaultValue = "false") boolean consentRequired, @RequestParam(defaultValue = "5000") int timeoutMs,
                     @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        return act(redirect, () -> directory.configure(id, logMode, consentRequired, timeoutMs, enabled, DirectoryApiScope.of(auth)));
    }

    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    @PostMapping("/admin/exchange/rights")
    String grant(Authentication auth, @RequestParam String serviceId, @RequestParam String clientId, RedirectAttributes redirect) {
        return act(redirect, () -> directory.grant(serviceId, null, clientId, DirectoryApiScope.of(auth)));
    }

    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    @PostMapping("/admin/exchange/rights/group")
    String grantToGroup(Authentication auth, @RequestParam String serviceId, @RequestParam long groupId, RedirectAttributes redirect) {
        return act(redirect, () -> directory.grantToGroup(serviceId, null, groupId, DirectoryApiScope.of(auth)));
    }

    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    @PostMapping("/admin/exchange/groups")
    String createGroup(Authentication auth, @RequestParam String kind, @RequestParam(required = false) String ownerMemberId,
                       @RequestParam String code, @RequestParam(required = false) String description, RedirectAttributes redirect) {
        return act(redirect, () -> directory.createGroup(kind, "GLOBAL".equals(kind) ? null : ownerMemberId, code, description,
                DirectoryApiScope.of(auth)));
    }

    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    @PostMapping("/admin/exchange/groups/members")
    String addGroupMember(Authentication auth, @RequestParam long groupId, @RequestParam String subsystemId, RedirectAttributes redirect) {
        return act(redirect, () -> directory.addGroupMember(groupId, subsystemId, DirectoryApiScope.of(auth)));
    }

    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    @PostMapping("/admin/exchange/groups/members/remove")
    String removeGroupMember(Authentication auth, @RequestParam long groupId, @RequestParam String subsystemId, RedirectAttributes redirect) {
        return act(redirect, () -> directory.removeGroupMember(groupId, subsystemId, DirectoryApiScope.of(auth)));
    }

    @PreAuthorize("hasAuthority('EXCHANGE_ADMIN')")
    @PostMapping("/admin/exchange/log/archive")
    String archive(@RequestParam String period, RedirectAttributes redirect) {
        return act(redirect, () -> archiver.archive(period));
    }

    @PreAuthorize("hasAnyAuthority('EXCHANGE_MANAGE', 'EXCHANGE_ADMIN')")
    @PostMapping("/admin/exchange/rights/revoke")
    String revoke(Authentication auth, @RequestParam long id, RedirectAttributes redirect) {
        return act(redirect, () -> {
            directory.revoke(id, DirectoryApiScope.of(auth));
            return null;
        });
    }

    private static String act(RedirectAttributes redirect, Supplier<Object> change) {
        try {
            change.get();
            redirect.addFlashAttribute("done", true);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/admin/exchange";
    }
}
