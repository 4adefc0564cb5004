package dk.tvaers.route;

import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Outcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseCase: closes the case with the reason the coordinator gave (job, education, other). */
@Component("closeCaseDelegate")
class CloseCaseDelegate implements JavaDelegate {

    private final CaseFiles caseFiles;

    CloseCaseDelegate(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(RouteProcess.Variables.CLOSE_REASON);
        Outcome outcome = reason == null ? Outcome.OTHER : Outcome.valueOf(reason.toString());
        caseFiles.close(execution.getProcessBusinessKey(), outcome);
    }
}
