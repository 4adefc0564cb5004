package dk.tvaers.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda's REST API at {@code /engine-rest} answers anyone by default; here it requires HTTP
 * Basic against the engine's identity service, and the engine's authorizations decide the rest.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<RequestBaseline> requestBaseline(ApplicationAvailability availability) {
        FilterRegistrationBean<RequestBaseline> registration = new FilterRegistrationBean<>(new RequestBaseline(availability));
        registration.setName("request-baseline");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineAccessFilter> engineAccess(IdentityService identity, LoginThrottle throttle) {
        FilterRegistrationBean<EngineAccessFilter> registration = new FilterRegistrationBean<>(new EngineAccessFilter(identity, throttle));
        registration.addUrlPatterns("/engine-rest", "/engine-rest/*", "/camunda/api/admin/auth/user/*", "/camunda/api/engine/*");
        registration.setName("engine-access");
        registration.setOrder(0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setName("engine-rest-authentication");
        registration.setOrder(1);
        return registration;
    }
}
