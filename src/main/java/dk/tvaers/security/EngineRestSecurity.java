package dk.tvaers.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API at {@code /engine-rest} answers anyone by default; here it requires HTTP
 * Basic against the engine's identity service.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<EngineAccessFilter> engineAccess(org.camunda.bpm.engine.IdentityService identity) {
        FilterRegistrationBean<EngineAccessFilter> registration = new FilterRegistrationBean<>(new EngineAccessFilter(identity));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/admin/auth/user/*");
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
