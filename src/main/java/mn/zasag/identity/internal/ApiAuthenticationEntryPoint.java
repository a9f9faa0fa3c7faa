package mn.zasag.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** 401 and 403 for API callers, as problem details: no login page redirects for scripts. */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final MessageSource messages;

    ApiAuthenticationEntryPoint(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (request.getRequestURI().substring(request.getContextPath().length()).startsWith("/r1/")) {
            // the data exchange answers in PR-REST's error shape, never a bare 401: a dead token is a failed client authentication
            String id = java.util.UUID.randomUUID().toString();
            response.setStatus(500);
            response.setHeader("X-Road-Error", "Server.ClientProxy.SslAuthenticationFailed");
            response.setHeader("X-Road-Id", id);
            response.setContentType("application/json;charset=utf-8");
            java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
            body.put("type", "Server.ClientProxy.SslAuthenticationFailed");
            body.put("message", "The bearer token is unknown, expired or revoked");
            body.put("detail", id);
            json.writeValue(response.getOutputStream(), body);
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"zasag\"");
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "problem.unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       org.springframework.security.access.AccessDeniedException e) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String key) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key, null, status.getReasonPhrase(), LocaleContextHolder.getLocale()));
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
