package dk.tvaers.audit;

import dk.tvaers.rules.RuleSetEvents;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every rule-set version created and activated (a rollback is an activation of an older one) in the audit trail. */
@Component
class RuleVersionAudit {

    private final AuditTrail trail;

    RuleVersionAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void created(RuleSetEvents.VersionCreated created) {
        trail.record(created.by(), List.of(), "RULES_VERSION_CREATED " + created.version() + ": " + created.comment(), "OK");
    }

    @EventListener
    void activated(RuleSetEvents.VersionActivated activated) {
        trail.record(activated.by(), List.of(), "RULES_VERSION_ACTIVATED " + activated.version(), "OK");
    }
}
