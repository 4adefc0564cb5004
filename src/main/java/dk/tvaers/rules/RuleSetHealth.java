package dk.tvaers.rules;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** The active rule set in {@code /actuator/health} (its version and when it was activated), UP once one is compiled. */
@Component("ruleSet")
class RuleSetHealth implements HealthIndicator {

    private final RuleEngine rules;

    RuleSetHealth(RuleEngine rules) {
        this.rules = rules;
    }

    @Override
    public Health health() {
        RuleSet active = rules.active();
        return active == null ? Health.down().build()
                : Health.up().withDetail("version", active.version()).withDetail("activatedAt", String.valueOf(active.activatedAt())).build();
    }
}
