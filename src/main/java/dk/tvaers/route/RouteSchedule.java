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
    private final org.camunda.bpm.engine.RepositoryService repository;
    private final Clock clock;

    RouteSchedule(RuntimeService runtime, TaskService tasks, ManagementService management,
                  org.camunda.bpm.engine.RepositoryService repository, Clock clock) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.clock = clock;
    }

    /** The open user tasks of the case's route, its sub-processes included, oldest first. */
    public List<Task> openTasks(String caseId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseId).orderByTaskCreateTime().asc().list();
    }

    /** The main route's BPMN (the version the case runs on) and the ids of its active steps. */
    public record RouteDiagram(String bpmnXml, List<String> activeActivityIds) {}

    public Optional<RouteDiagram> diagram(String caseId) {
        var main = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(RouteProcess.CASE_ROUTE).singleResult();
        String definitionId;
        List<String> active;
        if (main != null) {
            definitionId = main.getProcessDefinitionId();
            active = runtime.getActiveActivityIds(main.getId());
        } else {
            var latest = repository.createProcessDefinitionQuery().processDefinitionKey(RouteProcess.CASE_ROUTE).latestVersion().singleResult();
            if (latest == null) {
                return Optional.empty();
            }
            definitionId = latest.getId();
            active = List.of();
        }
        try (var xml = repository.getProcessModel(definitionId)) {
            return Optional.of(new RouteDiagram(new String(xml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), active));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
