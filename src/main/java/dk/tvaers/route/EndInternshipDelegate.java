package dk.tvaers.route;

import dk.tvaers.casefile.CaseFiles;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EndInternship: the internship effort ends today; follow-up takes over. */
@Component("endInternshipDelegate")
class EndInternshipDelegate implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final Clock clock;

    EndInternshipDelegate(CaseFiles caseFiles, Clock clock) {
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object effortId = execution.getVariable(RecordInternshipDelegate.EFFORT_ID);
        if (effortId != null) {
            caseFiles.endEffort(execution.getProcessBusinessKey(), ((Number) effortId).longValue(), LocalDate.now(clock));
        }
    }
}
