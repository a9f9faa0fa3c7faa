package mn.zasag.identity.web;

import jakarta.servlet.http.HttpSession;
import mn.zasag.identity.internal.LoginOutcomes;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Set;

/** The login form; Spring Security handles the POST and sends failures back here with a reason. */
@Controller
class LoginPage {

    private static final Set<String> REASONS = Set.of("bad", "locked", "throttled", "disabled");

    @PreAuthorize("permitAll()")
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String registered,
                 Model model, HttpSession session) {
        if (error != null) {
            model.addAttribute("error", REASONS.contains(error) ? error : "bad");
            model.addAttribute("lastLogin", session.getAttribute(LoginOutcomes.LAST_LOGIN));
        }
        session.removeAttribute(LoginOutcomes.LAST_LOGIN);
        model.addAttribute("registered", registered != null);
        return "identity/login";
    }
}
