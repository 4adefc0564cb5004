package dk.tvaers.support;

import dk.tvaers.ApplicationClock;
import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Flag;
import dk.tvaers.casefile.Referral;
import dk.tvaers.route.RouteSchedule;
import dk.tvaers.route.RouteTasks;
import dk.tvaers.inbox.TaskForm;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives cases along the route in tests: refers, completes tasks as a named user, and moves the
 * engine's clock to fire timers (the job executor is off in tests, nothing sleeps).
 */
public class Route {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ZoneId ZONE = ApplicationClock.MUNICIPAL_ZONE;

    private final CaseFiles caseFiles;
    private final RouteTasks tasks;
    private final RouteSchedule schedule;
    private final RuntimeService runtime;
    private final ManagementService management;

    Route(CaseFiles caseFiles, RouteTasks tasks, RouteSchedule schedule, RuntimeService runtime, ManagementService management) {
        this.caseFiles = caseFiles;
        this.tasks = tasks;
        this.schedule = schedule;
        this.runtime = runtime;
        this.management = management;
    }

    /** Sets the engine's (and so the application's) today to a day, at 10 o'clock. */
    public static void today(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(ZONE).toInstant()));
    }

    public static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
    }

    public static void resetClock() {
        ClockUtil.reset();
    }

    /** A unique, valid CPR number for a citizen of the given age today. */
    public static String cprForAge(int age) {
        LocalDate birth = today().minusYears(age).minusDays(30 + SEQUENCE.incrementAndGet() % 300);
        char seventh = birth.getYear() >= 2000 ? '4' : '1';
        return String.format("%02d%02d%02d%c%03d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100, seventh,
                SEQUENCE.get() % 1000);
    }

    public CaseFile refer(String name, int age, Flag... flags) {
        String ref = "TEST-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
        return caseFiles.refer(new Referral(ref, name, cprForAge(age), Department.JOBCENTER, today(), Set.of(flags), null, null)).caseFile();
    }

    public CaseFile caseFile(String caseId) {
        return caseFiles.find(caseId).orElseThrow();
    }

    public ProcessInstance routeOf(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("CaseRouteProcess").singleResult();
    }

    public List<Task> openTasks(String caseId) {
        return schedule.openTasks(caseId);
    }

    public Task task(String caseId, String taskKey) {
        return openTasks(caseId).stream().filter(t -> t.getTaskDefinitionKey().equals(taskKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no open task " + taskKey + " on case; open: "
                        + openTasks(caseId).stream().map(Task::getTaskDefinitionKey).toList()));
    }

    public void complete(String caseId, String user, TaskForm form) {
        Task task = task(caseId, form.taskKey());
        tasks.claim(task.getId(), user);
        tasks.complete(task.getId(), form, user);
    }

    /** Moves today to the timer's due date and executes it, as the job executor would. */
    public void fireTimer(String caseId, String activityId) {
        Job job = schedule.timerJob(caseId, activityId).orElseThrow(() -> new AssertionError("no timer " + activityId + " on case"));
        if (job.getDuedate().toInstant().atZone(ZONE).toLocalDate().isAfter(today())) {
            ClockUtil.setCurrentTime(job.getDuedate());
        }
        management.executeJob(job.getId());
    }
}
