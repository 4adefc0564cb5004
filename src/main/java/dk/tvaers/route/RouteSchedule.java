package dk.tvaers.route;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** What the route has scheduled for a case: open tasks and the next due date of a task or timer. */
@Component
public class RouteSchedule {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final Clock clock;

    RouteSchedule(RuntimeService runtime, TaskService tasks, ManagementService management, Clock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.clock = clock;
    }

    /** The open user tasks of the case's route, its sub-processes included, oldest first. */
    public List<Task> openTasks(String caseId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseId).orderByTaskCreateTime().asc().list();
    }

    /** The timer job waiting at an activity of the case's route, if any. */
    public Optional<org.camunda.bpm.engine.runtime.Job> timerJob(String caseId, String activityId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).timers().list().stream())
                .filter(job -> activityId.equals(management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId()))
                .findFirst();
    }

    /** Runs a job now (the demo uses it to let time pass on a walked case). */
    public void executeJob(String jobId) {
        management.executeJob(jobId);
    }

    /** The earliest due date on or after {@code from} of an open task or a timer of the case. */
    public Optional<LocalDate> nextScheduledStep(String caseId, LocalDate from) {
        List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(ProcessInstance::getId).toList();
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        Stream<Date> taskDues = openTasks(caseId).stream().map(Task::getDueDate);
        Stream<Date> timerDues = instances.stream()
                .flatMap(id -> management.createJobQuery().timers().processInstanceId(id).list().stream())
                .map(job -> job.getDuedate());
        return Stream.concat(taskDues, timerDues)
                .filter(Objects::nonNull)
                .map(date -> date.toInstant().atZone(clock.getZone()).toLocalDate())
                .filter(date -> !date.isBefore(from))
                .min(Comparator.naturalOrder());
    }
}
