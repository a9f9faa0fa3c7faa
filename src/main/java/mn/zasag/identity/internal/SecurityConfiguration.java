package mn.zasag.identity.internal;

import mn.zasag.audit.AuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Two ways in. APIs and actuator: stateless, {@code Authorization: Bearer} personal access tokens, no
 * cookies and so no CSRF. Pages: form login, sessions in PostgreSQL, CSRF on every form, strict security
 * headers. Who may call what is declared on each controller method with {@code @PreAuthorize}; a test
 * fails if one is missing, so the URL rules here only add the parts no controller owns.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Our own stylesheet, fonts and images only; no inline script or style anywhere, so an injected
     * script tag cannot run.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /** Swagger UI injects style attributes; it is the only page allowed to. */
    static final String CSP_SWAGGER = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id for new hashes; bcrypt still verifies, should accounts ever be imported from elsewhere
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder, LoginProtection protection) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        // "disabled" only after the right password: otherwise the message tells a guesser which
        // logins exist and are disabled
        passwords.setPreAuthenticationChecks(account -> { });
        passwords.setPostAuthenticationChecks(account -> {
            if (!account.isEnabled()) {
                throw new org.springframework.security.authentication.DisabledException("account disabled");
            }
        });
        return new ProviderManager(new ProtectedLogin(passwords, protection));
    }

    @Bean
    ApiAuthenticationEntryPoint apiAuthenticationEntryPoint(JsonMapper json, MessageSource messages) {
        return new ApiAuthenticationEntryPoint(json, messages);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AccessTokens tokens, ApiAuthenticationEntryPoint entryPoint) throws Exception {
        RequestMatcher api = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            // the data exchange (/r1/..., /listClients) is called by programs with tokens or TLS client certificates
            return path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/r1/") || path.equals("/listClients");
        };
        http.securityMatcher(api)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(pathPattern("/actuator/health/**"), pathPattern("/actuator/info")).permitAll()
                        .requestMatchers(pathPattern("/actuator/**")).hasAuthority("METRICS_READ")
                        // API controllers declare their own rule on each method
                        .anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, AuditTrail audit, AuthenticationManager logins) throws Exception {
        LoginOutcomes outcomes = new LoginOutcomes(audit);
        http.authenticationManager(logins)
                .formLogin(f -> f.loginPage("/login").permitAll()
                        .successHandler(outcomes.success())
                        .failureHandler(outcomes.failure()))
                .logout(l -> l.logoutUrl("/logout").addLogoutHandler(outcomes.logout())
                        .logoutSuccessUrl("/?loggedOut").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .authorizeHttpRequests(a -> a
                        // pages declare their own rule on each controller method
                        .anyRequest().permitAll());
        return http.build();
    }

    /**
     * The OCSP responder and the time-stamp authority speak binary protocols (RFC 6960, RFC 3161) to
     * programs, not browsers: no session, no cookie, and so no CSRF token a client could send. Without this
     * chain the web chain would refuse every POST from openssl or a PDF signer.
     */
    @Bean
    @Order(0)
    SecurityFilterChain pkiProtocolChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/pki/ocsp", "/pki/ocsp/**", "/pki/tsa")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(0)
    SecurityFilterChain swaggerChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP_SWAGGER)).frameOptions(f -> f.deny()))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
