package mn.zasag.notifications.web;

import mn.zasag.notifications.NotificationNotFound;
import mn.zasag.notifications.NotificationStatus;
import mn.zasag.notifications.internal.Outbox;
import mn.zasag.notifications.internal.Resending;
import mn.zasag.shared.Actor;
import mn.zasag.shared.MobileNumber;
import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Platform admins search what was sent, and read the outbox: with no SMTP server or SMSC configured
 * (the demo) messages are kept (status KEPT) and read here instead. Everyone sees what was sent to them.
 */
@Controller
class NotificationPages {

    static final int LIMIT = 100;

    private final Outbox outbox;
    private final Resending resending;

    NotificationPages(Outbox outbox, Resending resending) {
        this.outbox = outbox;
        this.resending = resending;
    }

    /**
     * What the platform sent to the signed-in person: messages addressed to their account only — not
     * everything that went to their mobile number, which family members may share.
     */
    @PreAuthorize("hasAuthority('ACCOUNT_SELF')")
    @GetMapping("/account/notifications")
    String mine(Authentication authentication, Model model) {
        List<mn.zasag.notifications.internal.Notification> mine = List.of();
        if (authentication.getPrincipal() instanceof Actor actor && actor.accountId() != null) {
            mine = outbox.sentToAccount(actor.accountId(), LIMIT);
        }
        model.addAttribute("notifications", mine);
        return "notifications/mine";
    }

    @PreAuthorize("hasAuthority('NOTIFICATIONS_ADMIN')")
    @GetMapping("/admin/notifications")
    String search(@ModelAttribute("filter") Filter filter, Model model) {
        NotificationStatus status = filter.statusValue();
        model.addAttribute("statuses", NotificationStatus.values());
        model.addAttribute("notifications", outbox.search(filter.recipientValue(), status, filter.kindValue(), LIMIT));
        return "notifications/search";
    }

    @PreAuthorize("hasAuthority('NOTIFICATIONS_ADMIN')")
    @GetMapping("/admin/notifications/{id}")
    String show(@PathVariable String id, Model model) {
        var notification = outbox.find(uuid(id)).orElseThrow(() -> new NotificationNotFound(id));
        model.addAttribute("notification", notification);
        model.addAttribute("resendable", notification.status() == NotificationStatus.FAILED
                || notification.status() == NotificationStatus.KEPT || notification.status() == NotificationStatus.THROTTLED);
        return "notifications/notification";
    }

    @PreAuthorize("hasAuthority('NOTIFICATIONS_ADMIN')")
    @PostMapping("/admin/notifications/{id}/resend")
    String resend(@PathVariable String id, RedirectAttributes redirect) {
        UUID copy = resending.resend(uuid(id));
        redirect.addFlashAttribute("resent", true);
        return "redirect:/admin/notifications/" + copy;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotificationNotFound(id);
        }
    }

    /** The search form; empty fields filter nothing. A mobile number may be typed in any usual way. */
    record Filter(String recipient, String status, String kind) {

        String recipientValue() {
            if (recipient == null || recipient.isBlank()) {
                return null;
            }
            return MobileNumber.normalize(recipient).orElse(recipient.strip());
        }

        NotificationStatus statusValue() {
            if (status == null || status.isBlank()) {
                return null;
            }
            return Arrays.stream(NotificationStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                    .orElseThrow(FilterInvalid::new);
        }

        String kindValue() {
            return kind == null || kind.isBlank() ? null : kind.strip();
        }
    }

    static class FilterInvalid extends ProblemException {
        FilterInvalid() {
            super(HttpStatus.BAD_REQUEST, "notification_filter_invalid", "Unknown status");
        }
    }
}
