package mn.zasag.stats;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A visit is the first page a browser session opens. Assets, APIs, error pages and later pages of the
 * same session do not count, so reloading or browsing around never inflates the figures.
 *
 * <p>The browser session is marked by a cookie without an expiry ({@value #COOKIE}: the browser drops it when it
 * closes), not by a server session: an anonymous page view then writes nothing but the count, where a server session
 * per new visitor was a row written (and later deleted) per cookie-less request, crawlers included.
 */
@Configuration(proxyBeanMethods = false)
class VisitCounting implements WebMvcConfigurer {

    static final String COOKIE = "ZASAG_VISIT";
    private final VisitCounter counter;
    private final boolean secure;

    VisitCounting(VisitCounter counter, @Value("${zasag.security.secure-cookies:false}") boolean secure) {
        this.counter = counter;
        this.secure = secure;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (isPageView(request, handler) && !marked(request)) {
                    response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, "1").path("/").httpOnly(true)
                            .secure(secure).sameSite("Lax").build().toString());
                    counter.countVisit();
                }
                return true;
            }
        }).excludePathPatterns("/error", "/api/**", "/actuator/**");
    }

    private static boolean marked(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isPageView(HttpServletRequest request, Object handler) {
        if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return false;
        }
        Class<?> type = method.getBeanType();
        return type.isAnnotationPresent(Controller.class) && !type.isAnnotationPresent(RestController.class);
    }
}
