package mn.zasag.notifications.web;

import mn.zasag.notifications.internal.InboundMessages;
import mn.zasag.notifications.internal.InboundMessages.Status;
import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.Arrays;
import java.util.List;

/**
 * Platform admins read the inbound (mobile-originated) SMS: what came in, to which short number, and
 * whether its owner handled it — also those nobody owns (UNROUTED) and those that failed.
 */
@Controller
class InboundPages {

    static final int LIMIT = 100;

    private final InboundMessages messages;

    InboundPages(InboundMessages messages) {
        this.messages = messages;
    }

    @PreAuthorize("hasAuthority('NOTIFICATIONS_ADMIN')")
    @GetMapping("/admin/notifications/inbound")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String shortNumber,
                Model model) {
        model.addAttribute("statuses", Status.values());
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("shortNumber", shortNumber == null ? "" : shortNumber);
        model.addAttribute("messages", messages.search(status(status), number(shortNumber), LIMIT));
        return "notifications/inbound";
    }

    /** The same list for programs (an operations dashboard), newest first. */
    @PreAuthorize("hasAuthority('NOTIFICATIONS_ADMIN')")
    @GetMapping("/api/v1/admin/notifications/inbound")
    @ResponseBody
    List<InboundMessages.Inbound> api(@RequestParam(required = false) String status,
                                      @RequestParam(required = false) String shortNumber) {
        return messages.search(status(status), number(shortNumber), LIMIT);
    }

    private static Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(Status.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(NotificationPages.FilterInvalid::new);
    }

    private static String number(String shortNumber) {
        if (shortNumber == null || shortNumber.isBlank()) {
            return null;
        }
        if (!shortNumber.strip().matches("\\d{2,15}")) {
            throw new NotificationPages.FilterInvalid();
        }
        return shortNumber.strip();
    }
}
