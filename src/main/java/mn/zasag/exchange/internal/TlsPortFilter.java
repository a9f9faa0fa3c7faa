package mn.zasag.exchange.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** The mutual-TLS connector serves the exchange only ({@code /r1/...}, {@code /listClients}); every other path is 404 there. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TlsPortFilter extends OncePerRequestFilter {

    private final TlsConnector tls;

    TlsPortFilter(TlsConnector tls) {
        this.tls = tls;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int port = tls.port();
        if (port > 0 && request.getLocalPort() == port) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/r1/") && !path.equals("/listClients")) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
