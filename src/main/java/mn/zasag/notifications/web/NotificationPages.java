package mn.zasag.notifications.web;

import mn.zasag.notifications.NotificationNotFound;
import mn.zasag.notifications.NotificationStatus;
import mn.zasag.notifications.internal.Outbox;
import mn.zasag.shared.MobileNumber;
import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.Arrays;
import java.util.UUID;

/**
 * Platform admins search what was sent, and read the outbox: with no SMTP server or SMSC configured
 * (the demo) messages are kept (status KEPT) and read here instead.
 */
@Controller
class NotificationPages {

    static final int LIMIT = 100;

    private final Outbox outbox;

    NotificationPages(Outbox outbox) {
        this.outbox = outbox;
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
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotificationNotFound(id);
        }
        model.addAttribute("notification", outbox.find(uuid).orElseThrow(() -> new NotificationNotFound(id)));
        return "notifications/notification";
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
