package mn.zasag.pki.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.zasag.pki.internal.OcspResponder;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The OCSP responder's HTTP binding ({@code POST /pki/ocsp}, RFC 6960 A.1, and {@code GET /pki/ocsp/<base64>},
 * RFC 5019), served by a servlet filter in front of everything else: an anonymous binary protocol for
 * programs needs no session, security context, CSRF, locale, observation or MVC dispatch, and those cost
 * five times the answer itself (profiled; see docs/adr/0007 and docs/PERFORMANCE.md). The headers the
 * security chain would add to such an answer are written here. Any other method or path under
 * {@code /pki/ocsp} goes on to the ordinary stack (and gets its 405 or 404 there).
 */
@Configuration(proxyBeanMethods = false)
class OcspHttp {

    static final String POST_PATH = "/pki/ocsp";
    static final String GET_PREFIX = "/pki/ocsp/";
    /** Far larger than any real request (one certificate: ~100 bytes); longer bodies are refused unread. */
    static final int MAX_REQUEST = 64 * 1024;

    @Bean
    FilterRegistrationBean<Filter> ocspFilter(OcspResponder ocsp, Clock clock) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new OcspFilter(ocsp, clock));
        registration.addUrlPatterns(POST_PATH, GET_PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("ocspResponder");
        return registration;
    }

    /**
     * Tomcat refuses {@code %2F} in a path by default (400 before any filter runs), but an RFC 5019
     * request is URL-encoded base64, which holds {@code /}. Passed through undecoded, it reaches the filter
     * below, which decodes the path itself; on every other path Spring Security's strict firewall still
     * refuses an encoded slash.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashPassThrough() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    static final class OcspFilter implements Filter {

        private final OcspResponder ocsp;
        private final Clock clock;

        OcspFilter(OcspResponder ocsp, Clock clock) {
            this.ocsp = ocsp;
            this.clock = clock;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String method = request.getMethod();
            if ("POST".equals(method) && POST_PATH.equals(path)) {
                long length = request.getContentLengthLong();
                if (length > MAX_REQUEST) {
                    response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                    return;
                }
                byte[] body;
                try (InputStream in = request.getInputStream()) {
                    // the declared length when there is one: no 64 KiB buffer for a 100-byte request
                    body = in.readNBytes(length >= 0 ? (int) length : MAX_REQUEST + 1);
                }
                if (body.length > MAX_REQUEST) {
                    response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                    return;
                }
                OcspResponder.Answer answer = ocsp.respond(body);
                write(response, answer, "no-store");
            } else if (("GET".equals(method) || "HEAD".equals(method)) && path.startsWith(GET_PREFIX)) {
                OcspResponder.Answer answer = ocsp.respond(fromPath(path.substring(GET_PREFIX.length())));
                if (!answer.successful()) {
                    write(response, answer, "no-store");
                    return;
                }
                long maxAge = Math.max(0, Duration.between(clock.instant(), answer.nextUpdate()).getSeconds());
                response.setDateHeader("Last-Modified", answer.thisUpdate().toEpochMilli());
                response.setDateHeader("Expires", answer.nextUpdate().toEpochMilli());
                write(response, answer, "max-age=" + maxAge + ", must-revalidate, no-transform, public");
            } else {
                chain.doFilter(req, res);
            }
        }

        private static void write(HttpServletResponse response, OcspResponder.Answer answer, String cacheControl) throws IOException {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/ocsp-response");
            response.setHeader("Cache-Control", cacheControl);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            response.setContentLength(answer.der().length);
            response.getOutputStream().write(answer.der());
        }

        /** The URL-encoded base64 request; only percent-decoded, so a {@code +} stays a {@code +}. */
        static byte[] fromPath(String encoded) {
            try {
                return Base64.getDecoder().decode(StringUtils.uriDecode(encoded, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
    }
}
