package dk.tvaers.route;

import java.time.Clock;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the route has scheduled for a case: open tasks and the next due date of a task or timer. */
@Component
public class RouteSchedule {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final org.camunda.bpm.engine.RepositoryService repository;
    private final JdbcClient jdbc;
    private final Clock clock;

    RouteSchedule(RuntimeService runtime, TaskService tasks, ManagementService management,
                  org.camunda.bpm.engine.RepositoryService repository, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
        return Optional.ofNullable(nextScheduledSteps(List.of(caseId), from).get(caseId));
    }

    /**
     * For several cases at once, the earliest due date on or after {@code from} of an open task or a
     * timer of each case's route (its sub-processes included: they carry the case's business key);
     * cases with nothing scheduled are absent. One query over the engine's runtime tables, so that a
     * sweep reads a batch's schedule in one round trip instead of three queries per case.
     */
    public Map<String, LocalDate> nextScheduledSteps(Collection<String> caseIds, LocalDate from) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        ZoneId zone = clock.getZone();
        Map<String, LocalDate> next = new HashMap<>();
        jdbc.sql(NEXT_STEPS)
                .param("ids", caseIds)
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant().atZone(zone).toLocalDate()))
                .list()
                .forEach(entry -> next.put(entry.getKey(), entry.getValue()));
        return next;
    }

    private static final String NEXT_STEPS = """
            select business_key, min(due) from (
                select e.BUSINESS_KEY_ business_key, t.DUE_DATE_ due
                  from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
                 where e.BUSINESS_KEY_ in (:ids) and t.DUE_DATE_ >= :from
                union all
                select e.BUSINESS_KEY_, j.DUEDATE_
                  from ACT_RU_JOB j join ACT_RU_EXECUTION e on e.ID_ = j.PROCESS_INSTANCE_ID_
                 where e.BUSINESS_KEY_ in (:ids) and j.TYPE_ = 'timer' and j.DUEDATE_ >= :from
            ) scheduled group by business_key""";
}
