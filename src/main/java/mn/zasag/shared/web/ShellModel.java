package mn.zasag.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: the path, so the language switch can come back to it. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object errorUri = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String path = errorUri instanceof String original ? original : request.getRequestURI();
        // only our own, plain paths: the value goes back into a link
        return path != null && path.matches("[A-Za-z0-9/_\\-.]{1,200}") ? path : "/";
    }
}
