package dk.tvaers.route;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on the route's tasks, kept as the engine's own task comments (so Camunda's Tasklist shows the same):
 * written by whoever may see the task, read on the task and, with every task's comments, on the case's journey.
 * They outlive the task; anonymising a case forgets them with the rest of its texts.
 */
@Service
@Transactional
public class TaskComments {

    /** The longest comment, in characters. */
    public static final int MAX_LENGTH = 2000;

    /** One comment: who wrote it and when, and on which task (its key and name, for the journey). */
    public record TaskComment(String id, String taskId, String taskKey, String taskName, String author, Instant time, String text) {}

    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;
    private final JdbcClient jdbc;

    TaskComments(TaskService tasks, HistoryService history, IdentityService identity, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
    }

    /** Adds a comment to an open task as the user (the engine records the author from its authentication). */
    public TaskComment add(Task task, String user, String text) {
        String before = identity.getCurrentAuthentication() == null ? null : identity.getCurrentAuthentication().getUserId();
        identity.setAuthenticatedUserId(user);
        try {
            Comment comment = tasks.createComment(task.getId(), task.getProcessInstanceId(), text);
            return view(comment, task.getTaskDefinitionKey(), task.getName());
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthenticatedUserId(before);
            }
        }
    }

    /** The task's comments, oldest first. */
    @Transactional(readOnly = true)
    public List<TaskComment> of(Task task) {
        return tasks.getTaskComments(task.getId()).stream()
                .map(c -> view(c, task.getTaskDefinitionKey(), task.getName()))
                .sorted(Comparator.comparing(TaskComment::time).thenComparing(TaskComment::id)).toList();
    }

    /** Every comment on every task of the case's processes, open or done, oldest first. */
    @Transactional(readOnly = true)
    public List<TaskComment> ofCase(String caseId) {
        List<HistoricProcessInstance> instances = instances(caseId);
        List<Comment> comments = instances.stream()
                .flatMap(p -> tasks.getProcessInstanceComments(p.getId()).stream()).filter(c -> c.getTaskId() != null).toList();
        if (comments.isEmpty()) {
            return List.of();
        }
        Map<String, HistoricTaskInstance> byId = instances.stream()
                .flatMap(p -> history.createHistoricTaskInstanceQuery().processInstanceId(p.getId()).list().stream())
                .collect(Collectors.toMap(HistoricTaskInstance::getId, Function.identity(), (a, b) -> a));
        return comments.stream().map(c -> {
            HistoricTaskInstance task = byId.get(c.getTaskId());
            return view(c, task == null ? null : task.getTaskDefinitionKey(), task == null ? null : task.getName());
        }).sorted(Comparator.comparing(TaskComment::time).thenComparing(TaskComment::id)).toList();
    }

    /**
     * Forgets every comment on the case's tasks (anonymisation). The engine deletes comments only of a running
     * process instance, and a closed case's route has ended: its comment table is cleared for the case's instances
     * directly, in the caller's transaction.
     */
    public int forgetCase(String caseId) {
        List<String> ids = instances(caseId).stream().map(HistoricProcessInstance::getId).toList();
        return ids.isEmpty() ? 0 : jdbc.sql("delete from ACT_HI_COMMENT where PROC_INST_ID_ in (:ids)").param("ids", ids).update();
    }

    private List<HistoricProcessInstance> instances(String caseId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).list();
    }

    private static TaskComment view(Comment comment, String taskKey, String taskName) {
        return new TaskComment(comment.getId(), comment.getTaskId(), taskKey, taskName, comment.getUserId(),
                comment.getTime().toInstant(), comment.getFullMessage());
    }
}
