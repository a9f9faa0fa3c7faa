package mn.zasag.identity.web;

import mn.zasag.identity.internal.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The login state the layout shows on every page: who is logged in and where their pages start. */
@ControllerAdvice(annotations = Controller.class)
class ViewerModel {

    @ModelAttribute("viewer")
    Viewer viewer(@AuthenticationPrincipal AccountPrincipal principal) {
        return principal == null ? null : new Viewer(principal.displayName(), principal.landing(), principal.role().name());
    }

    record Viewer(String displayName, String landing, String role) {
    }
}
