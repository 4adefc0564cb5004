package dk.tvaers.route;

import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Stage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Tells the case file where the case stands: each stage's first element carries the listener
 * {@code ${routeSteps.reached(execution, 'STAGE')}}, so process owners see the stages in the model.
 */
@Component("routeSteps")
public class RouteSteps {

    private final CaseFiles caseFiles;

    RouteSteps(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    public void reached(DelegateExecution execution, String stage) {
        caseFiles.moveTo(execution.getProcessBusinessKey(), Stage.valueOf(stage));
    }
}
