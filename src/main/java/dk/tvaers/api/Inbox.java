package dk.tvaers.api;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.audit.AuditTrail;
import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.route.RouteTasks;
import dk.tvaers.route.TaskForm;
import dk.tvaers.route.TaskNotFoundException;
import dk.tvaers.security.CaseAccessPolicy;
import dk.tvaers.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The inbox, for the API and the pages alike: the caller's tasks and their groups' tasks on cases
 * the access policy lets them see (the policy is part of the task query), and claiming, giving back
 * and completing with the same checks everywhere.
 */
@Component
class Inbox {

    record TaskView(String id, String taskKey, String name, String caseId, String citizenName, List<String> candidateGroups,
                    String assignee, Instant created, Instant due, List<CaseView.AlarmView> alarms) {

        /** The most serious open alarm of the task's case: 3 critical, 2 warning, 1 info, 0 none. */
        int severityRank() {
            return alarms.stream().mapToInt(a -> switch (a.severity()) {
                case "CRITICAL" -> 3;
                case "WARNING" -> 2;
                default -> 1;
            }).max().orElse(0);
        }
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RouteTasks routeTasks;
    private final CaseFiles caseFiles;
    private final CaseEvaluation alarms;
    private final CaseAccessPolicy policy;
    private final CaseListQuery cases;
    private final Clock clock;

    Inbox(TaskService tasks, RuntimeService runtime, RouteTasks routeTasks, CaseFiles caseFiles, CaseEvaluation alarms,
          CaseAccessPolicy policy, CaseListQuery cases, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.routeTasks = routeTasks;
        this.caseFiles = caseFiles;
        this.alarms = alarms;
        this.policy = policy;
        this.cases = cases;
        this.clock = clock;
    }

    /** Open tasks by due date; scope {@code mine}, {@code group} or null for both. */
    List<TaskView> tasks(CurrentUser user, String scope, String taskKey, String caseId) {
        var visibility = policy.visibility(user);
        List<String> visibleCases = visibility.everyCase() ? null : cases.visibleIds(visibility);
        List<Task> found = new ArrayList<>();
        if (visibleCases == null || !visibleCases.isEmpty()) {
            if (scope == null || scope.equals("mine")) {
                found.addAll(filtered(restrict(tasks.createTaskQuery().taskAssignee(user.id()), visibleCases), taskKey, caseId));
            }
            if ((scope == null || scope.equals("group")) && !user.groups().isEmpty()) {
                found.addAll(filtered(restrict(tasks.createTaskQuery().taskCandidateGroupIn(List.copyOf(user.groups())), visibleCases),
                        taskKey, caseId));
            }
        }
        Map<String, String> caseIds = caseIds(found);
        Map<String, Optional<CaseFile>> byCase = new HashMap<>();
        List<TaskView> views = new ArrayList<>();
        for (Task task : found) {
            String id = caseIds.get(task.getProcessInstanceId());
            Optional<CaseFile> caseFile = byCase.computeIfAbsent(id, k -> k == null ? Optional.empty() : caseFiles.find(k));
            if (caseFile.isPresent() && policy.canSee(user, caseFile.get())) {
                views.add(view(task, caseFile.get()));
            }
        }
        views.sort(Comparator.comparing((TaskView v) -> v.due() == null ? Instant.MAX : v.due()).thenComparing(TaskView::created));
        return views;
    }

    /** One open task on a case the caller may see, for its form. */
    TaskView task(CurrentUser user, String taskId) {
        Task task = visibleTask(taskId, user);
        return view(task, caseFiles.find(routeTasks.caseIdOf(task)).orElseThrow());
    }

    void claim(CurrentUser user, String taskId) {
        Task task = visibleTask(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw new ConflictException("Opgaven er allerede taget af en anden");
        }
        requireCandidate(task, user);
        routeTasks.claim(taskId, user.id());
    }

    void unclaim(CurrentUser user, String taskId) {
        visibleTask(taskId, user);
        routeTasks.unclaim(taskId, user.id());
    }

    void complete(CurrentUser user, String taskId, JsonNode body) {
        Task task = visibleTask(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw new ConflictException("Opgaven er taget af en anden");
        }
        if (task.getAssignee() == null) {
            requireCandidate(task, user);
        }
        TaskForm form = TaskFormParser.parse(task.getTaskDefinitionKey(), body, LocalDate.now(clock));
        routeTasks.complete(taskId, form, user.id());
    }

    private static TaskQuery restrict(TaskQuery query, List<String> visibleCases) {
        return visibleCases == null ? query : query.processInstanceBusinessKeyIn(visibleCases.toArray(String[]::new));
    }

    private static List<Task> filtered(TaskQuery query, String taskKey, String caseId) {
        if (taskKey != null) {
            query.taskDefinitionKey(taskKey);
        }
        if (caseId != null) {
            query.processInstanceBusinessKey(caseId);
        }
        return query.orderByTaskCreateTime().asc().listPage(0, 1000);
    }

    private Map<String, String> caseIds(List<Task> found) {
        Map<String, String> byInstance = new LinkedHashMap<>();
        List<String> instanceIds = found.stream().map(Task::getProcessInstanceId).distinct().toList();
        if (!instanceIds.isEmpty()) {
            runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(instanceIds)).list()
                    .forEach(pi -> byInstance.put(pi.getId(), pi.getBusinessKey()));
        }
        return byInstance;
    }

    private TaskView view(Task task, CaseFile caseFile) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId).toList();
        return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), caseFile.id(), caseFile.citizenName(), groups,
                task.getAssignee(), task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                alarms.openAlarms(caseFile.id()).stream().map(CaseViews::alarm).toList());
    }

    /** The task if its case is visible; otherwise "not found", exactly as for a task that does not exist. */
    private Task visibleTask(String id, CurrentUser user) {
        Task task = routeTasks.task(id);
        String caseId = routeTasks.caseIdOf(task);
        AuditTrail.casesShown(caseId == null ? List.of() : List.of(caseId));
        Optional<CaseFile> caseFile = caseId == null ? Optional.empty() : caseFiles.find(caseId);
        if (caseFile.isEmpty() || !policy.canSee(user, caseFile.get())) {
            throw new TaskNotFoundException(id);
        }
        return task;
    }

    private void requireCandidate(Task task, CurrentUser user) {
        boolean candidate = tasks.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> (link.getGroupId() != null && user.isMemberOf(link.getGroupId())) || user.id().equals(link.getUserId()));
        if (!candidate && !user.id().equals(task.getAssignee())) {
            throw new AccessDeniedException("Opgaven hører til en gruppe, du ikke er med i");
        }
    }
}
