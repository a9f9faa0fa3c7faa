package mn.zasag.exchange.web;

import mn.zasag.exchange.Directory;
import mn.zasag.exchange.internal.Consents;
import mn.zasag.exchange.internal.DataTracker;
import mn.zasag.shared.Actor;
import mn.zasag.shared.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * A citizen's view of the exchange: «who used my data» from the message log, and their consents — granting a
 * standing consent to one client for one consent-required service, getting a one-time code, revoking.
 */
@Controller
class MyExchangePage {

    private static final ZoneId ULAANBAATAR = ZoneId.of("Asia/Ulaanbaatar");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DataTracker tracker;
    private final Consents consents;
    private final Directory directory;

    MyExchangePage(DataTracker tracker, Consents consents, Directory directory) {
        this.tracker = tracker;
        this.consents = consents;
        this.directory = directory;
    }

    record UseRow(String at, String agency, String client, String official, String service, String purpose, boolean answered) {
    }

    record ConsentRow(String id, String client, String service, String purpose, String until, boolean oneTime, boolean active) {
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @GetMapping("/my-data/usage")
    String page(@AuthenticationPrincipal Actor me, Model model) {
        model.addAttribute("uses", tracker.of(me.login()).stream().map(u -> new UseRow(SHOWN.format(u.at().atZoneSameInstant(ULAANBAATAR)),
                u.agency() == null ? u.client() : u.agency(), u.client(), u.userId(), u.service(), u.purpose(),
                u.error() == null && u.status() < 400)).toList());
        model.addAttribute("consents", consents.of(me.login()).stream().map(c -> new ConsentRow(c.id().toString(), c.clientId(),
                c.serviceId(), c.purpose(), SHOWN.format(c.expiresAt().atZoneSameInstant(ULAANBAATAR)), c.oneTime(),
                c.revokedAt() == null && c.usedAt() == null)).toList());
        model.addAttribute("services", directory.services(null).stream().filter(Directory.ServiceEntry::consentRequired)
                .map(Directory.ServiceEntry::id).toList());
        model.addAttribute("clients", directory.subsystems(null).stream().map(Directory.Subsystem::id).toList());
        return "exchange/my-usage";
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @PostMapping("/my-data/consents")
    String grant(@AuthenticationPrincipal Actor me, @RequestParam String client, @RequestParam String service,
                 @RequestParam String purpose, @RequestParam(defaultValue = "30") int days, @RequestParam(defaultValue = "false") boolean oneTime,
                 RedirectAttributes redirect) {
        try {
            if (oneTime) {
                Consents.Code code = consents.oneTimeCode(me.login(), client, service, purpose);
                redirect.addFlashAttribute("code", code.code());
            } else {
                redirect.addFlashAttribute("granted", consents.grant(me.login(), client, service, purpose, days).id().toString());
            }
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/my-data/usage";
    }

    @PreAuthorize("hasAuthority('MY_DATA')")
    @PostMapping("/my-data/consents/revoke")
    String revoke(@AuthenticationPrincipal Actor me, @RequestParam String id, RedirectAttributes redirect) {
        try {
            consents.revoke(UUID.fromString(id), me.login());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "problem.exchange_consent_not_found");
        }
        return "redirect:/my-data/usage";
    }

}
