package mn.zasag.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie, declared here rather than through the servlet container's settings so that it is
 * the same wherever the app runs (embedded Tomcat, tests, behind a proxy): HttpOnly, SameSite=Lax, and
 * Secure when the platform is served over HTTPS ({@code ZASAG_SECURE_COOKIES=true}).
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

    static final String NAME = "ZASAG_SESSION";

    @Bean
    CookieSerializer sessionCookie(@Value("${zasag.security.secure-cookies:false}") boolean secure) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(NAME);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(secure);
        cookie.setCookiePath("/");
        return cookie;
    }
}
