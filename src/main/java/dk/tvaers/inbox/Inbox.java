package dk.tvaers.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.caseview.CaseListQuery;
import dk.tvaers.caseview.CaseView;
import dk.tvaers.caseview.CaseViews;
import dk.tvaers.route.FormFields;
import dk.tvaers.route.RouteTasks;
import dk.tvaers.route.TaskAlarms;
import dk.tvaers.route.TaskComments;
import dk.tvaers.route.TaskCompletion;
import dk.tvaers.route.TaskNotFoundException;
import dk.tvaers.security.NotVisibleException;
import dk.tvaers.security.CaseAccessPolicy;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.ConflictException;
import dk.tvaers.web.Input;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The inbox, for the API and the pages alike: the caller's tasks and their groups' tasks on cases
 * the access policy lets them see (the policy is part of the task query), and claiming, giving back
 * and completing with the same checks everywhere.
 */
@Component
public class Inbox {

    /**
     * An open task. {@code alarms} are the case's open alarms, most serious first; {@code clears} names those
     * of them the task's completion removes the cause of (its own urgency), the others are the case's.
     */
    public record TaskView(String id, String taskKey, @Schema(nullable = true) String name, String caseId, @Schema(nullable = true) String citizenName,
                    List<String> candidateGroups, @Schema(nullable = true) String assignee, Instant created, @Schema(nullable = true) Instant due,
                    @Schema(nullable = true, description = "Den dag, opgavens ejer vil se på den igen") LocalDate followUp,
                    List<CaseView.AlarmView> alarms,
                    @Schema(description = "Koderne på de af sagens alarmer, opgaven selv kan fjerne årsagen til") List<String> clears) {

        public TaskView(String id, String taskKey, String name, String caseId, String citizenName, List<String> candidateGroups,
                        String assignee, Instant created, Instant due, LocalDate followUp, List<CaseView.AlarmView> alarms) {
            this(id, taskKey, name, caseId, citizenName, candidateGroups, assignee, created, due, followUp, alarms,
                    alarms.stream().map(CaseView.AlarmView::code).filter(TaskAlarms.clearedBy(taskKey)::contains).distinct().toList());
        }

        /** The alarms the task can clear, most serious first. */
        public List<CaseView.AlarmView> ownAlarms() {
            return alarms.stream().filter(a -> clears.contains(a.code())).toList();
        }

        /** The case's other alarms, which the task does not clear. */
        public List<CaseView.AlarmView> otherAlarms() {
            return alarms.stream().filter(a -> !clears.contains(a.code())).toList();
        }
    }

    /**
     * The fields a task is completed with: for a step the product has its own form for, none ({@code generic}
     * false: API.md lists its fields); for a step a process owner added, its form fields from the BPMN.
     */
    public record FormView(String taskKey, @Schema(nullable = true) String name, boolean generic, List<FieldView> fields) {}

    /** One field of a generic form: {@code type} is string, long, boolean, date or enum (with its {@code values}). */
    public record FieldView(String id, String label, @Schema(allowableValues = {"string", "long", "boolean", "date", "enum"}) String type,
                            boolean required, @Schema(nullable = true) Long min, @Schema(nullable = true) Long max,
                            @Schema(nullable = true) Integer minLength, @Schema(nullable = true) Integer maxLength, List<Choice> values,
                            @Schema(nullable = true, description = "Det, formularen starter med") String defaultValue) {}

    /** A value an enum field offers: its id (what the body sends) and its name (what the form shows). */
    public record Choice(String id, String name) {}

    private final TaskService tasks;
    private final RouteTasks routeTasks;
    private final CaseFiles caseFiles;
    private final CaseEvaluation alarms;
    private final CaseAccessPolicy policy;
    private final TaskListQuery query;
    private final TaskComments comments;
    private final Clock clock;

    /** The API's task list is not paged (API.md); this many per call at most. */
    static final int API_LIMIT = 1000;

    Inbox(TaskService tasks, RouteTasks routeTasks, CaseFiles caseFiles, CaseEvaluation alarms,
          CaseAccessPolicy policy, TaskListQuery query, TaskComments comments, Clock clock) {
        this.comments = comments;
        this.tasks = tasks;
        this.routeTasks = routeTasks;
        this.caseFiles = caseFiles;
        this.alarms = alarms;
        this.policy = policy;
        this.query = query;
        this.clock = clock;
    }

    /** Open tasks by due date for the API; scope {@code mine}, {@code group} or null for both. */
    public List<TaskView> tasks(CurrentUser user, String scope, String taskKey, String caseId) {
        TaskListQuery.Scope which = scope == null ? TaskListQuery.Scope.BOTH
                : scope.equals("mine") ? TaskListQuery.Scope.MINE : TaskListQuery.Scope.GROUP;
        return page(user, new TaskListQuery.Filter(which, taskKey, caseId, new CaseListQuery.Criteria(null, null, null),
                TaskListQuery.Sort.DUE), 0, API_LIMIT).tasks();
    }

    record Page(List<TaskView> tasks, long total) {}

    /** One page of the caller's open tasks, filtered and sorted in the database. */
    Page page(CurrentUser user, TaskListQuery.Filter filter, int page, int size) {
        return pages(user, List.of(new Wanted(filter, page)), size).get(0);
    }

    /** A list's filter and the page of it wanted. */
    record Wanted(TaskListQuery.Filter filter, int page) {}

    /**
     * Pages of several lists at once (the inbox page shows two): each list counted and paged in the database,
     * the rows' alarms and candidate groups read for all the pages together.
     */
    List<Page> pages(CurrentUser user, List<Wanted> wanted, int size) {
        var visibility = policy.visibility(user);
        List<TaskListQuery.Page> found = wanted.stream().map(w -> query.find(user, visibility, w.filter(), w.page(), size)).toList();
        List<TaskListQuery.Row> rows = found.stream().flatMap(f -> f.rows().stream()).toList();
        Map<String, List<CaseView.AlarmView>> alarmsByCase = query.openAlarms(rows.stream().map(TaskListQuery.Row::caseId).collect(Collectors.toSet()));
        Map<String, List<String>> groups = query.candidateGroups(rows.stream().map(TaskListQuery.Row::id).distinct().toList());
        return found.stream().map(f -> new Page(f.rows().stream().map(r -> new TaskView(r.id(), r.taskKey(), r.name(), r.caseId(), r.citizenName(),
                groups.getOrDefault(r.id(), List.of()), r.assignee(), r.created(), r.due(), r.followUp(),
                alarmsByCase.getOrDefault(r.caseId(), List.of()))).toList(), f.total())).toList();
    }

    /** One open task on a case the caller may see, for its form. */
    TaskView task(CurrentUser user, String taskId) {
        Task task = visibleTask(taskId, user);
        return view(task, caseFiles.find(routeTasks.caseIdOf(task)).orElseThrow());
    }

    public void claim(CurrentUser user, String taskId) {
        Task task = visibleTask(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw new ConflictException("Opgaven er allerede taget af en anden");
        }
        requireCandidate(task, user);
        routeTasks.claim(taskId, user.id());
    }

    public void unclaim(CurrentUser user, String taskId) {
        visibleTask(taskId, user);
        routeTasks.unclaim(taskId, user.id());
    }

    public void complete(CurrentUser user, String taskId, JsonNode body) {
        Task task = visibleTask(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw new ConflictException("Opgaven er taget af en anden");
        }
        if (task.getAssignee() == null) {
            requireCandidate(task, user);
        }
        routeTasks.complete(taskId, completion(task, body), user.id());
    }

    /**
     * The task's comments, oldest first. Everyone who may see the task may read and write them: they are how the
     * departments on a case speak about a step without a meeting.
     */
    public List<TaskComments.TaskComment> comments(CurrentUser user, String taskId) {
        return comments.of(visibleTask(taskId, user));
    }

    /** Adds a comment ({@code {"text": "…"}}: required, at most 2,000 characters, never a CPR number). */
    public TaskComments.TaskComment comment(CurrentUser user, String taskId, JsonNode body) {
        Task task = visibleTask(taskId, user);
        Input in = new Input();
        Input.object(body);
        in.onlyFields(body, "text");
        String text = in.text(body, "text", true, TaskComments.MAX_LENGTH);
        in.throwIfAny();
        return comments.add(task, user.id(), text);
    }

    /**
     * Sets the day the task's holder will look at it again ({@code {"on": "YYYY-MM-DD"}}, today or later; null removes it).
     * Only who may complete the task sets it.
     */
    public void followUp(CurrentUser user, String taskId, JsonNode body) {
        Task task = visibleTask(taskId, user);
        requireCandidate(task, user);
        Input in = new Input();
        Input.object(body);
        in.onlyFields(body, "on");
        LocalDate on = body.hasNonNull("on") ? in.date(body, "on", true) : null;
        if (on != null && on.isBefore(LocalDate.now(clock))) {
            in.add("on", "past");
        } else if (on != null && on.isAfter(LocalDate.now(clock).plusYears(1))) {
            in.add("on", "tooLate");
        }
        if (!body.has("on")) {
            in.add("on", "required");
        }
        in.throwIfAny();
        routeTasks.followUp(taskId, on);
    }

    /** The form a task is completed with; the API's answer to {@code GET /api/tasks/{id}/form}. */
    public FormView form(CurrentUser user, String taskId) {
        Task task = visibleTask(taskId, user);
        if (TaskForm.FORMS.containsKey(task.getTaskDefinitionKey())) {
            return new FormView(task.getTaskDefinitionKey(), task.getName(), false, List.of());
        }
        return new FormView(task.getTaskDefinitionKey(), task.getName(), true, genericFields(task).stream()
                .map(f -> new FieldView(f.id(), f.title(), f.type().name().toLowerCase(java.util.Locale.ROOT), f.required(), f.min(), f.max(),
                        f.minLength(), f.maxLength(), f.values().entrySet().stream().map(v -> new Choice(v.getKey(), v.getValue())).toList(),
                        f.defaultValue()))
                .toList());
    }

    /** Whether the task is a step the product has no form of its own for, with form fields in its BPMN. */
    boolean hasGenericForm(CurrentUser user, String taskId) {
        Task task = visibleTask(taskId, user);
        return !TaskForm.FORMS.containsKey(task.getTaskDefinitionKey()) && routeTasks.formFields(task).isPresent();
    }

    /** The form fields of a step the product has no form of its own for (its generic form). */
    List<FormFields.Field> genericFields(Task task) {
        return routeTasks.formFields(task).orElseThrow(() -> new ConflictException("Opgaven " + task.getTaskDefinitionKey()
                + " har hverken en formular i Tværs eller formularfelter i sin BPMN"));
    }

    private TaskCompletion completion(Task task, JsonNode body) {
        String key = task.getTaskDefinitionKey();
        if (TaskForm.FORMS.containsKey(key)) {
            return TaskForm.parse(key, body, LocalDate.now(clock));
        }
        return GenericTaskForm.parse(key, task.getName(), genericFields(task), body);
    }

    private TaskView view(Task task, CaseFile caseFile) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId).toList();
        return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), caseFile.id(), caseFile.citizenName(), groups,
                task.getAssignee(), task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getFollowUpDate() == null ? null : LocalDate.ofInstant(task.getFollowUpDate().toInstant(), clock.getZone()),
                alarms.openAlarms(caseFile.id()).stream().map(CaseViews::alarm).toList());
    }

    /** The task if its case is visible; otherwise "not found", exactly as for a task that does not exist. */
    private Task visibleTask(String id, CurrentUser user) {
        Task task = routeTasks.task(id);
        String caseId = routeTasks.caseIdOf(task);
        if (caseId == null) {
            throw new TaskNotFoundException(id);
        }
        try {
            policy.visibleCase(caseId, user);
        } catch (NotVisibleException e) {
            throw new TaskNotFoundException(id);
        }
        return task;
    }

    private void requireCandidate(Task task, CurrentUser user) {
        if (!routeTasks.mayComplete(task, user.id(), user.groups())) {
            throw new AccessDeniedException("Opgaven hører til en gruppe, du ikke er med i");
        }
    }

    /**
     * Who holds a task the user may see but not complete now (its assignee, or its candidate groups' names);
     * empty when the user may complete it (theirs, or nobody's and their group's). A page offers the form only then.
     */
    Optional<String> heldBy(CurrentUser user, String taskId) {
        Task task = visibleTask(taskId, user);
        return routeTasks.mayComplete(task, user.id(), user.groups()) ? Optional.empty()
                : Optional.of(String.join(", ", routeTasks.holders(task)));
    }
}
