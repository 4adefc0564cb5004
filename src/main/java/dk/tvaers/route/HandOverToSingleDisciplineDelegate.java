package dk.tvaers.route;

import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Outcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_HandOverSingleDiscipline and Task_HandOverNoConsent: the case leaves the coordinated route
 * and carries on in one department; the BPMN says why in the input {@code handOverReason}.
 */
@Component("handOverToSingleDisciplineDelegate")
class HandOverToSingleDisciplineDelegate implements JavaDelegate {

    private final CaseFiles caseFiles;

    HandOverToSingleDisciplineDelegate(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariableLocal(RouteProcess.Variables.HAND_OVER_REASON);
        Outcome outcome = reason == null ? Outcome.SINGLE_DISCIPLINE : Outcome.valueOf(reason.toString());
        caseFiles.close(execution.getProcessBusinessKey(), outcome);
    }
}
