package dk.tvaers.route;

import dk.tvaers.casefile.CaseFileEvents.CaseReferred;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts the route for a new case, in the referral's transaction: one case, one route. */
@Component
class RouteStarter {

    private final RuntimeService runtime;

    RouteStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(CaseReferred event) {
        runtime.startProcessInstanceByKey(RouteProcess.CASE_ROUTE, event.caseId(),
                Map.of(RouteProcess.Variables.CASE_ID, event.caseId()));
    }
}
