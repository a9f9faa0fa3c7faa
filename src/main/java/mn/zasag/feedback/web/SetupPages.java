package mn.zasag.feedback.web;

import jakarta.servlet.http.HttpServletResponse;
import mn.zasag.feedback.FeedbackRefused;
import mn.zasag.feedback.internal.LocalOffices;
import mn.zasag.feedback.internal.OfficeStaffing;
import mn.zasag.feedback.internal.Open311Keys;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.Role;
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

import java.util.Locale;

/**
 * The centre's set-up pages: an agency's admins place officers in its local offices; CITA's admins and
 * platform admins issue and revoke Open311 API keys (a new key is shown once, on the answer to its issue).
 */
@Controller
class SetupPages {

    private final LocalOffices offices;
    private final OfficeStaffing staffing;
    private final Accounts accounts;
    private final Open311Keys keys;

    SetupPages(LocalOffices offices, OfficeStaffing staffing, Accounts accounts, Open311Keys keys) {
        this.offices = offices;
        this.staffing = staffing;
        this.accounts = accounts;
        this.keys = keys;
    }

    @PreAuthorize("hasAuthority('FEEDBACK_SUPERVISE')")
    @GetMapping("/feedback/offices")
    String offices(@AuthenticationPrincipal Actor me, Model model, Locale locale) {
        model.addAttribute("offices", offices.ofAgency(me.agencyCode()).stream()
                .map(o -> new FeedbackModels.Option(o.code(), o.name(locale))).toList());
        model.addAttribute("members", offices.members(me.agencyCode()));
        model.addAttribute("staff", accounts.staff(me.agencyCode()).stream()
                .filter(a -> a.enabled() && a.role() == Role.OFFICER).toList());
        return "feedback/offices";
    }

    @PreAuthorize("hasAuthority('FEEDBACK_SUPERVISE')")
    @PostMapping("/feedback/offices")
    String assign(@AuthenticationPrincipal Actor me, @RequestParam(defaultValue = "") String login,
                  @RequestParam(defaultValue = "") String office, RedirectAttributes redirect) {
        try {
            staffing.assign(login, office, me);
            redirect.addFlashAttribute("done", "feedback.offices.done.assigned");
        } catch (FeedbackRefused e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/feedback/offices";
    }

    @PreAuthorize("hasAuthority('FEEDBACK_SUPERVISE')")
    @PostMapping("/feedback/offices/remove")
    String unassign(@AuthenticationPrincipal Actor me, @RequestParam(defaultValue = "") String login,
                    RedirectAttributes redirect) {
        try {
            staffing.unassign(login, me);
            redirect.addFlashAttribute("done", "feedback.offices.done.unassigned");
        } catch (FeedbackRefused e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/feedback/offices";
    }

    // ------------------------------------------------------------ Open311 API keys

    @PreAuthorize("hasAuthority('FEEDBACK_KEYS')")
    @GetMapping("/feedback/open311-keys")
    String keys(@AuthenticationPrincipal Actor me, Model model) {
        model.addAttribute("keys", keys.all(me));
        return "feedback/keys";
    }

    @PreAuthorize("hasAuthority('FEEDBACK_KEYS')")
    @PostMapping("/feedback/open311-keys")
    String issue(@AuthenticationPrincipal Actor me, @RequestParam(defaultValue = "") String client, Model model,
                 HttpServletResponse response) {
        try {
            model.addAttribute("issued", keys.issue(client, me));
            response.setHeader("Cache-Control", "no-store");
        } catch (FeedbackRefused e) {
            model.addAttribute("problem", e.messageKey());
        }
        model.addAttribute("keys", keys.all(me));
        return "feedback/keys";
    }

    @PreAuthorize("hasAuthority('FEEDBACK_KEYS')")
    @PostMapping("/feedback/open311-keys/{id}/revoke")
    String revoke(@AuthenticationPrincipal Actor me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            keys.revoke(id, me);
            redirect.addFlashAttribute("done", "feedback.keys.done.revoked");
        } catch (FeedbackRefused e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/feedback/open311-keys";
    }
}
