package dk.tvaers.route;

import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Effort;
import dk.tvaers.casefile.EffortType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordInternship: the internship found becomes an effort on the case, with its dates. */
@Component("recordInternshipDelegate")
class RecordInternshipDelegate implements JavaDelegate {

    static final String EFFORT_ID = "internshipEffortId";

    private final CaseFiles caseFiles;
    private final Clock clock;

    RecordInternshipDelegate(CaseFiles caseFiles, Clock clock) {
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate startsOn = localDate((Date) execution.getVariable(RouteProcess.Variables.INTERNSHIP_STARTS_ON));
        String company = (String) execution.getVariable(RouteProcess.Variables.COMPANY);
        Effort effort = caseFiles.recordEffort(execution.getProcessBusinessKey(), EffortType.INTERNSHIP, Department.EMPLOYER,
                LocalDate.now(clock), startsOn, null, "Praktik hos " + company);
        execution.setVariable(EFFORT_ID, effort.id());
    }

    private LocalDate localDate(Date date) {
        return date.toInstant().atZone(clock.getZone()).toLocalDate();
    }
}
