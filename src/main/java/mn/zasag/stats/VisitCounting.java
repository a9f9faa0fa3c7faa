package mn.zasag.stats;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A visit is the first page a browser session opens. Assets, APIs, error pages and later pages of the
 * same session do not count, so reloading or browsing around never inflates the figures.
 */
@Configuration(proxyBeanMethods = false)
class VisitCounting implements WebMvcConfigurer {

    static final String COUNTED = VisitCounting.class.getName() + ".counted";
    private final VisitCounter counter;

    VisitCounting(VisitCounter counter) {
        this.counter = counter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (isPageView(request, handler)) {
                    HttpSession session = request.getSession();
                    if (session.getAttribute(COUNTED) == null) {
                        session.setAttribute(COUNTED, Boolean.TRUE);
                        counter.countVisit();
                    }
                }
                return true;
            }
        }).excludePathPatterns("/error", "/api/**", "/actuator/**");
    }

    private static boolean isPageView(HttpServletRequest request, Object handler) {
        if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return false;
        }
        Class<?> type = method.getBeanType();
        return type.isAnnotationPresent(Controller.class) && !type.isAnnotationPresent(RestController.class);
    }
}
