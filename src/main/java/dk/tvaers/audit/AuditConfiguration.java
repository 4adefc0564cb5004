package dk.tvaers.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the audit interceptor on the API of cases and tasks. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration implements WebMvcConfigurer {

    private final AuditTrail trail;

    AuditConfiguration(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AuditInterceptor(trail)).addPathPatterns("/", "/api/cases/**", "/api/cases", "/api/tasks/**", "/api/tasks",
                "/sager/**", "/indbakke", "/opgaver/**", "/ungeteam", "/ungeteam/**", "/post", "/post/**",
                // What-if lists the cases the caller may see (none for a leader); version changes are recorded by RuleVersionAudit too.
                "/api/rules/**", "/regler", "/regler/**", "/api/processes/**", "/processer", "/processer/**");
    }
}
