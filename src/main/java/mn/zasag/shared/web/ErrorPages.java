package mn.zasag.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * The last stop of every error the servlet container sees (unknown pages, access denied, a failure
 * outside a controller). APIs get RFC 9457 problem details with a stable code; people get a friendly page
 * in their language. Neither ever shows a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    private final JsonMapper json;

    ErrorPages(JsonMapper json) {
        this.json = json;
    }

    @PreAuthorize("permitAll()")
    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = statusOf(request);
        if (wantsProblem(request)) {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem(status, request));
            return null;
        }
        String view = switch (status.value()) {
            case 403 -> "error/403";
            case 404, 405 -> "error/404";
            default -> status.is4xxClientError() ? "error/400" : "error/500";
        };
        ModelAndView page = new ModelAndView(view, Map.of("status", status.value()));
        page.setStatus(status);
        return page;
    }

    private static ProblemDetail problem(HttpStatus status, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setProperty("code", ProblemCodes.forStatus(status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            problem.setInstance(java.net.URI.create(path.replaceAll("[^\\w/\\-.~]", "")));
        }
        return problem;
    }

    /** API paths always answer with problem details; other paths only when the client asks for JSON. */
    private static boolean wantsProblem(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && (path.startsWith("/api/") || path.startsWith("/actuator"))) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
