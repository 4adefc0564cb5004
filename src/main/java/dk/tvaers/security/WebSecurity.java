package dk.tvaers.security;

import dk.tvaers.casefile.Department;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The doors: {@code /api/**} takes HTTP Basic against the engine's users and answers
 * problem+json; the engine's REST API and webapps keep their own authentication (see
 * {@link EngineRestSecurity}); the API description is public; everything else is closed.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint basicLogin = basicLogin();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(basicLogin))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(basicLogin)
                        .accessDeniedHandler((request, response, e) ->
                                Problems.write(response, HttpStatus.FORBIDDEN.value(), "Du har ikke adgang til dette")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                // Machine clients with HTTP Basic and no cookies: there is no session for CSRF to ride on.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * The actuator: health and its liveness and readiness probes for anyone (status only; details for
     * administrators), metrics ({@code /actuator/prometheus}) for administrators with HTTP Basic.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint basicLogin = basicLogin();
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .anyRequest().hasAuthority(EngineIdentityAuthenticationProvider.GROUP_PREFIX + CaseAccessPolicy.ADMIN_GROUP))
                .httpBasic(basic -> basic.authenticationEntryPoint(basicLogin))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(basicLogin)
                        .accessDeniedHandler((request, response, e) ->
                                Problems.write(response, HttpStatus.FORBIDDEN.value(), "Kun administratorer kan se målingerne")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineAndDocsSecurity(HttpSecurity http) throws Exception {
        // The engine's REST API requires HTTP Basic (EngineRestSecurity); the webapps have their
        // own login and CSRF protection.
        // Path matchers, not MVC matchers: the engine's REST API is a Jersey servlet, not Spring MVC.
        http.securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/camunda/**"), path("/v3/api-docs/**"),
                        path("/swagger-ui/**"), path("/swagger-ui.html")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /**
     * Tværs's own web pages: a login form with a session (timeout in {@code server.servlet.session.timeout}),
     * CSRF protection on every form, logout, and nothing open but the login page and its style sheet.
     */
    @Bean
    @Order(3)
    SecurityFilterChain webPagesSecurity(HttpSecurity http, @Value("${server.servlet.session.cookie.name}") String sessionCookie) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                                + "frame-ancestors 'none'; form-action 'self'")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/admin/**").hasAuthority(EngineIdentityAuthenticationProvider.GROUP_PREFIX + CaseAccessPolicy.ADMIN_GROUP)
                        .requestMatchers("/post", "/post/**").hasAnyAuthority(EngineIdentityAuthenticationProvider.GROUP_PREFIX + Department.JOBCENTER.name(),
                                EngineIdentityAuthenticationProvider.GROUP_PREFIX + CaseAccessPolicy.ADMIN_GROUP)
                        .requestMatchers("/regler", "/regler/**").hasAnyAuthority(EngineIdentityAuthenticationProvider.GROUP_PREFIX + "leaders",
                                EngineIdentityAuthenticationProvider.GROUP_PREFIX + CaseAccessPolicy.ADMIN_GROUP)
                        .requestMatchers("/statistik", "/statistik/**").hasAnyAuthority(EngineIdentityAuthenticationProvider.GROUP_PREFIX + "leaders",
                                EngineIdentityAuthenticationProvider.GROUP_PREFIX + Department.JOBCENTER.name(),
                                EngineIdentityAuthenticationProvider.GROUP_PREFIX + CaseAccessPolicy.ADMIN_GROUP)
                        .requestMatchers("/processer", "/processer/**").hasAnyAuthority(EngineIdentityAuthenticationProvider.GROUP_PREFIX + "process-owners",
                                EngineIdentityAuthenticationProvider.GROUP_PREFIX + CaseAccessPolicy.ADMIN_GROUP)
                        .requestMatchers("/", "/indbakke", "/indbakke/filtre", "/indbakke/filtre/**", "/sager/**", "/opgaver/**", "/ungeteam", "/ungeteam/**").authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    if (request.getHeader("HX-Request") != null) {
                        htmxRedirect(response, request.getContextPath() + "/login");
                    } else {
                        LOGIN_PAGE.commence(request, response, e);
                    }
                }))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException ? "/login?blocked" : "/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies(sessionCookie))
                .sessionManagement(session -> session.invalidSessionStrategy((request, response) -> {
                            // htmx would swap the login page into a part of the page: send the whole window there.
                            String login = request.getContextPath() + "/login?expired";
                            if (request.getHeader("HX-Request") != null) {
                                htmxRedirect(response, login);
                            } else {
                                response.sendRedirect(login);
                            }
                        }).sessionFixation(fixation -> fixation.changeSessionId()));
        return http.build();
    }

    /**
     * Spring Security's strict firewall, but with every HTTP method let through to Spring MVC, which
     * answers a method the address does not have (TRACE, QUERY, …) with 405 and the address's own methods
     * in {@code Allow}; the firewall would answer 400, which says nothing. No door here is kept by
     * method, so letting the method through opens none.
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        return firewall;
    }

    /** HTTP Basic's 401 as problem+json, saying so when the address is blocked for too many wrong passwords. */
    private static AuthenticationEntryPoint basicLogin() {
        return (request, response, e) -> Problems.write(response, HttpStatus.UNAUTHORIZED.value(),
                e instanceof LockedException ? e.getMessage() : "Log ind med HTTP Basic (brugernavn og adgangskode)");
    }

    private static final org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint LOGIN_PAGE =
            new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login");

    /** Tells htmx to load a whole page instead of swapping the answer into part of the current one. */
    private static void htmxRedirect(HttpServletResponse response, String location) {
        response.setHeader("HX-Redirect", location);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

}
