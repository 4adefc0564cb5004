package dk.tvaers.route;

import dk.tvaers.casefile.CaseFiles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims, returns and completes the route's user tasks: a completion records on the case file what
 * its form says and hands the process the decisions it branches on, in one transaction.
 */
@Service
@Transactional
public class RouteTasks {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final CaseFiles caseFiles;
    private final IdentityService identity;
    private final Clock clock;

    RouteTasks(TaskService tasks, RuntimeService runtime, RepositoryService repository, IdentityService identity, CaseFiles caseFiles, Clock clock) {
        this.tasks = tasks;
        this.identity = identity;
        this.runtime = runtime;
        this.repository = repository;
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    /** The open task, or {@link TaskNotFoundException}. */
    @Transactional(readOnly = true)
    public Task task(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            throw new TaskNotFoundException(taskId);
        }
        return task;
    }

    /** The case a task belongs to: the business key of its process instance. */
    @Transactional(readOnly = true)
    public String caseIdOf(Task task) {
        var instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    /**
     * The form fields of the task's step in the version its process runs on ({@link FormFields}); the
     * generic form of a step the product has no form of its own for; empty when the step declares none.
     * The engine caches the model.
     */
    @Transactional(readOnly = true)
    public Optional<List<FormFields.Field>> formFields(Task task) {
        var model = repository.getBpmnModelInstance(task.getProcessDefinitionId());
        return model.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask step && FormFields.declared(step)
                ? Optional.of(FormFields.of(step)) : Optional.empty();
    }

    /**
     * Whether the user may complete the task now: it is assigned to them, or to nobody and one of their
     * groups (or they by name) is a candidate. A page offers a task's form only then.
     */
    @Transactional(readOnly = true)
    public boolean mayComplete(Task task, String user, Set<String> groups) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(user);
        }
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> (link.getGroupId() != null && groups.contains(link.getGroupId())) || user.equals(link.getUserId()));
    }

    /** Who holds the task, to tell those who may not complete it: its assignee, else its candidate groups' names. */
    @Transactional(readOnly = true)
    public List<String> holders(Task task) {
        if (task.getAssignee() != null) {
            return List.of(task.getAssignee());
        }
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(link -> link.getGroupId() != null ? groupName(link.getGroupId()) : link.getUserId())
                .toList();
    }

    private String groupName(String groupId) {
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        return group == null || group.getName() == null ? groupId : group.getName();
    }

    public void claim(String taskId, String user) {
        Task task = task(taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw new TaskConflictException("Opgaven er allerede taget af en anden");
        }
        if (task.getAssignee() == null) {
            tasks.claim(taskId, user);
        }
    }

    public void unclaim(String taskId, String user) {
        Task task = task(taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw new TaskConflictException("Opgaven er taget af en anden");
        }
        tasks.setAssignee(taskId, null);
    }

    /**
     * Sets (or with null removes) the day the task's holder wants to look at it again (the engine's follow-up date,
     * as Camunda's Tasklist shows it): the start of that day in the municipality's time.
     */
    public void followUp(String taskId, LocalDate on) {
        task(taskId);
        tasks.setFollowUpDate(taskId, on == null ? null : java.util.Date.from(on.atStartOfDay(clock.getZone()).toInstant()));
    }

    /**
     * Records the completion on the case and completes the task, in one transaction.
     *
     * @throws TaskConflictException when someone else holds the task or the completion is for another task
     */
    public void complete(String taskId, TaskCompletion form, String user) {
        Task task = task(taskId);
        if (!task.getTaskDefinitionKey().equals(form.taskKey())) {
            throw new TaskConflictException("Opgaven er en " + task.getTaskDefinitionKey() + ", ikke en " + form.taskKey());
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw new TaskConflictException("Opgaven er taget af " + task.getAssignee());
        }
        String caseId = caseIdOf(task);
        Map<String, Object> variables = form.record(new TaskCompletion.Context(caseFiles, caseId, user, LocalDate.now(clock), clock.getZone()));
        tasks.complete(taskId, variables);
    }
}
