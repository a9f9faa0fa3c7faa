package mn.zasag.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Mongolian first: a visitor sees Mongolian until they choose English with {@code ?lang=en}; the choice is
 * kept in a cookie rather than the session so it does not create a session by itself.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale MONGOLIAN = Locale.forLanguageTag("mn");
    static final List<Locale> SUPPORTED = List.of(MONGOLIAN, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ZASAG_LANG");
        resolver.setDefaultLocale(MONGOLIAN);
        // pages stay Mongolian until a person chooses; API clients state their language per request
        resolver.setDefaultLocaleFunction(LocaleConfiguration::defaultLocale);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setRejectInvalidCookies(true);
        return resolver;
    }

    static Locale defaultLocale(jakarta.servlet.http.HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return MONGOLIAN;
        }
        try {
            Locale wanted = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return wanted != null ? wanted : MONGOLIAN;
        } catch (IllegalArgumentException malformed) {
            // a malformed header must not fail the request
            return MONGOLIAN;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String localeValue) {
                Locale wanted = super.parseLocaleValue(localeValue);
                // an unknown language falls back to Mongolian instead of failing the page
                return SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted == null ? "" : wanted.getLanguage()))
                        .findFirst().orElse(MONGOLIAN);
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
