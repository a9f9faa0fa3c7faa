package mn.zasag.shared.web;

import mn.zasag.shared.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * A refusal raised under a page (a missing object, a conflict) becomes the friendly error page for its
 * status. Anything else goes on to the container and {@link ErrorPages}; access denials go on to Spring
 * Security, which sends anonymous visitors to the login page.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler(ProblemException.class)
    ModelAndView refused(ProblemException e) {
        String view = switch (e.status().value()) {
            case 403 -> "error/403";
            case 404 -> "error/404";
            default -> e.status().is4xxClientError() ? "error/400" : "error/500";
        };
        ModelAndView page = new ModelAndView(view, Map.of("status", e.status().value()));
        page.setStatus(e.status());
        return page;
    }
}
