package dk.tvaers.route;

import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.JourneyArgs;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Task_PostponeSparring: the team did not reach the case; it moves to the next meeting's agenda. */
@Component("postponeSparringDelegate")
class PostponeSparringDelegate implements JavaDelegate {


    private final TaskService tasks;
    private final YouthTeamCalendar calendar;
    private final CaseFiles caseFiles;
    private final Clock clock;

    PostponeSparringDelegate(TaskService tasks, YouthTeamCalendar calendar, CaseFiles caseFiles, Clock clock) {
        this.tasks = tasks;
        this.calendar = calendar;
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(RouteProcess.Tasks.YOUTH_TEAM_SPARRING).list()) {
            task.setDueDate(calendar.nextMeeting());
            tasks.saveTask(task);
        }
        caseFiles.note(execution.getProcessBusinessKey(), LocalDate.now(clock), "SPARRING_POSTPONED", null,
                JourneyArgs.date(calendar.nextMeetingDate()));
    }
}
