package mn.zasag.site;

import mn.zasag.stats.VisitCounter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

@Controller
class HomePage {

    /** The platform's parts, in the order a citizen meets them; texts live in the message bundles. */
    private static final List<String> OFFERS = List.of("portal", "registries", "feedback", "kiosk", "pki", "exchange");

    private final VisitCounter visits;

    HomePage(VisitCounter visits) {
        this.visits = visits;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("offers", OFFERS);
        model.addAttribute("visits", visits.counts());
        return "site/home";
    }
}
