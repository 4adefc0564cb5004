package dk.tvaers.api;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.route.RouteTasks;
import dk.tvaers.route.TaskForm;
import dk.tvaers.security.CaseAccessPolicy;
import dk.tvaers.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task inbox over HTTP: my tasks, my groups' tasks, claim, give back, complete. */
@RestController
@RequestMapping(path = "/api/tasks", produces = "application/json")
@Tag(name = "Tasks", description = "Indbakken")
class TaskController {

    record TaskView(String id, String taskKey, String name, String caseId, String citizenName, List<String> candidateGroups,
                    String assignee, Instant created, Instant due, List<CaseView.AlarmView> alarms) {}

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RouteTasks routeTasks;
    private final CaseFiles caseFiles;
    private final CaseEvaluation alarms;
    private final CaseAccessPolicy policy;
    private final CaseListQuery cases;
    private final Clock clock;

    TaskController(TaskService tasks, RuntimeService runtime, RouteTasks routeTasks, CaseFiles caseFiles, CaseEvaluation alarms,
                   CaseAccessPolicy policy, CaseListQuery cases, Clock clock) {
        this.cases = cases;
        this.tasks = tasks;
        this.runtime = runtime;
        this.routeTasks = routeTasks;
        this.caseFiles = caseFiles;
        this.alarms = alarms;
        this.policy = policy;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Åbne opgaver: scope=mine (tildelt mig), scope=group (kan tages af en af mine grupper); uden scope begge")
    List<TaskView> list(@RequestParam(required = false) String scope, @RequestParam(required = false) String taskKey,
                        @RequestParam(required = false) String caseId, Authentication auth,
                        jakarta.servlet.http.HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(auth);
        if (scope != null && !scope.equals("mine") && !scope.equals("group")) {
            throw new InvalidInputException("scope", "Skal være mine eller group");
        }
        // The access policy is part of the task query itself: a caller who does not see every case
        // gets tasks only of the cases the policy lets them see.
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
        Map<String, Optional<CaseFile>> cases = new HashMap<>();
        List<TaskView> views = new ArrayList<>();
        for (Task task : found) {
            String id = caseIds.get(task.getProcessInstanceId());
            Optional<CaseFile> caseFile = cases.computeIfAbsent(id, k -> k == null ? Optional.empty() : caseFiles.find(k));
            if (caseFile.isEmpty() || !policy.canSee(user, caseFile.get())) {
                continue;
            }
            views.add(view(task, caseFile.get()));
        }
        views.sort(Comparator.comparing((TaskView v) -> v.due() == null ? Instant.MAX : v.due()).thenComparing(TaskView::created));
        request.setAttribute(dk.tvaers.audit.AuditTrail.CASES_SHOWN, views.stream().map(TaskView::caseId).distinct().toList());
        return views;
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
            runtime.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(instanceIds)).list()
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

    @PostMapping("/{id}/claim")
    @Operation(summary = "Tag opgaven; 409 hvis en anden har den")
    ResponseEntity<Void> claim(@PathVariable String id, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Task task = visibleTask(id, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw new ConflictException("Opgaven er allerede taget af en anden");
        }
        requireCandidate(task, user);
        routeTasks.claim(id, user.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Giv opgaven tilbage til gruppen; 409 hvis en anden har den")
    ResponseEntity<Void> unclaim(@PathVariable String id, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        visibleTask(id, user);
        routeTasks.unclaim(id, user.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/complete", consumes = "application/json")
    @Operation(summary = "Afslut opgaven med dens felter (se API.md); 400 med fejl pr. felt; 409 hvis en anden har den")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody JsonNode body, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Task task = visibleTask(id, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw new ConflictException("Opgaven er taget af en anden");
        }
        if (task.getAssignee() == null) {
            requireCandidate(task, user);
        }
        TaskForm form = TaskFormParser.parse(task.getTaskDefinitionKey(), body, LocalDate.now(clock));
        routeTasks.complete(id, form, user.id());
        return ResponseEntity.noContent().build();
    }

    private Task visibleTask(String id, CurrentUser user) {
        Task task = routeTasks.task(id);
        String caseId = routeTasks.caseIdOf(task);
        currentRequest().ifPresent(request -> request.setAttribute(dk.tvaers.audit.AuditTrail.CASES_SHOWN,
                caseId == null ? List.of() : List.of(caseId)));
        Optional<CaseFile> caseFile = caseId == null ? Optional.empty() : caseFiles.find(caseId);
        if (caseFile.isEmpty() || !policy.canSee(user, caseFile.get())) {
            throw new dk.tvaers.route.TaskNotFoundException(id);
        }
        return task;
    }

    private static Optional<jakarta.servlet.http.HttpServletRequest> currentRequest() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        return attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                ? Optional.of(servlet.getRequest()) : Optional.empty();
    }

    private void requireCandidate(Task task, CurrentUser user) {
        boolean candidate = tasks.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> (link.getGroupId() != null && user.isMemberOf(link.getGroupId()))
                        || user.id().equals(link.getUserId()));
        if (!candidate && !user.id().equals(task.getAssignee())) {
            throw new AccessDeniedException("Opgaven hører til en gruppe, du ikke er med i");
        }
    }
}
