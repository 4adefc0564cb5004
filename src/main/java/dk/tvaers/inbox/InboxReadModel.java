package dk.tvaers.inbox;

import dk.tvaers.alarms.AlarmsStored;
import dk.tvaers.alarms.CaseAlarm;
import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.route.TaskAlarms;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inbox's read model (decision 0016): one row per open task of a case and candidate group, holding what
 * the inbox filters and sorts by — the group, the assignee, the task's own urgency (the highest open alarm it
 * can clear, {@link TaskAlarms}), the case's, the deadline — so that a page is an index range, not a
 * computation over every task (the page's rows take their name and dates from the engine's task by its key).
 * The engine keeps it: built-in listeners on every user task write the row in the engine's own transaction
 * when the task is created, assigned, changed, completed or deleted (once per command, as the command closes),
 * and an evaluation that stores a case's alarms rewrites the case's urgencies in its transaction. At start the
 * model is checked against the engine's tasks and built again if they differ (after a restore), and
 * {@link #rebuild} does the same on demand.
 */
@Component
public class InboxReadModel extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(InboxReadModel.class);
    /** The group column of a task without candidate groups (the key cannot hold null). */
    static final String NO_GROUP = "";
    /**
     * The assignee column of a task nobody has: not null, so that a group's claimable tasks are an equality on the
     * indexes' second column and their order the index's (a database orders by an index after {@code = ''}, not after
     * {@code is null}).
     */
    static final String NOBODY = "";
    private static final ThreadLocal<Map<CommandContext, Map<String, DelegateTask>>> PENDING =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);

    /** The case's urgency, and each task key's own: one statement for all the case's tasks. */
    private static final String URGENCIES = "update inbox_task set case_severity = ?, task_severity = case task_key"
            + " when ? then ?".repeat(TaskAlarms.all().size()) + " else 0 end where case_id = ?";
    /** {@link AlarmsStored#rank} in SQL, for the rebuild. */
    private static final String RANK = "case a.severity when 'CRITICAL' then " + AlarmsStored.rank("CRITICAL")
            + " when 'WARNING' then " + AlarmsStored.rank("WARNING") + " else " + AlarmsStored.rank("INFO") + " end";

    private final ObjectProvider<JdbcTemplate> jdbc;
    private final ObjectProvider<CaseEvaluation> evaluation;

    InboxReadModel(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<CaseEvaluation> evaluation) {
        this.jdbc = jdbc;
        this.evaluation = evaluation;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        TaskListener write = task -> pending().put(task.getId(), task);
        TaskListener remove = task -> pending().put(task.getId(), null); // null: completed or deleted
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    // Built in, so an instance started or moved with skipCustomListeners still keeps the model right.
                    for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE)) {
                        behavior.getTaskDefinition().addBuiltInTaskListener(event, write);
                    }
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, remove);
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, remove);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /**
     * The tasks the current engine command touched, written when the command closes: then a task carries what every
     * listener gave it (the deadline is set by a create listener that runs after this one), is written once however
     * often it changed, and a task created and completed in one command leaves nothing behind.
     */
    private Map<String, DelegateTask> pending() {
        CommandContext context = Context.getCommandContext();
        return PENDING.get().computeIfAbsent(context, c -> {
            Map<String, DelegateTask> tasks = new LinkedHashMap<>();
            c.registerCommandContextListener(new CommandContextListener() {
                @Override
                public void onCommandContextClose(CommandContext closing) {
                    PENDING.get().remove(closing);
                    tasks.forEach((id, task) -> {
                        if (task == null) {
                            remove(id);
                        } else {
                            write(task);
                        }
                    });
                }

                @Override
                public void onCommandFailed(CommandContext failed, Throwable t) {
                    PENDING.get().remove(failed);
                }
            });
            return tasks;
        });
    }

    private void write(DelegateTask task) {
        String caseId = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        JdbcTemplate sql = jdbc.getObject();
        // Only tasks of a case: the inbox's counts rely on it and do not join the case file (a process started
        // over the engine's REST API with some other business key has no place here).
        if (caseId == null || sql.queryForObject("select count(*) from case_file where id = ?", Integer.class, caseId) == 0) {
            return;
        }
        Map<String, Integer> byCode = new HashMap<>();
        for (CaseAlarm alarm : evaluation.getObject().openAlarms(caseId)) {
            byCode.merge(alarm.code(), AlarmsStored.rank(alarm.severity()), Math::max);
        }
        TreeSet<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toCollection(TreeSet::new));
        if (groups.isEmpty()) {
            groups.add(NO_GROUP);
        }
        sql.update("delete from inbox_task where task_id = ?", task.getId());
        int rank = 0;
        for (String group : groups) {
            sql.update("""
                            insert into inbox_task (task_id, candidate_group, group_rank, case_id, task_key, assignee, created, due,
                                                    task_severity, case_severity) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    task.getId(), group, rank++, caseId, task.getTaskDefinitionKey(), task.getAssignee() == null ? NOBODY : task.getAssignee(),
                    timestamp(task.getCreateTime()), timestamp(task.getDueDate()), taskSeverity(task.getTaskDefinitionKey(), byCode), byCode.values().stream().max(Integer::compare).orElse(0));
        }
    }

    private void remove(String taskId) {
        jdbc.getObject().update("delete from inbox_task where task_id = ?", taskId);
    }

    /** An evaluation stored the case's alarms: its tasks' urgencies follow, in the same transaction. */
    @EventListener
    void on(AlarmsStored stored) {
        List<Object> args = new ArrayList<>();
        args.add(stored.severityByCode().values().stream().max(Integer::compare).orElse(0));
        for (Map.Entry<String, List<String>> entry : TaskAlarms.all()) {
            args.add(entry.getKey());
            args.add(taskSeverity(entry.getKey(), stored.severityByCode()));
        }
        args.add(stored.caseId());
        jdbc.getObject().update(URGENCIES, args.toArray());
    }

    /** Checks the model against the engine's open tasks at start, and builds it again when they differ. */
    @EventListener(ApplicationStartedEvent.class)
    void checkAtStart() {
        JdbcTemplate sql = jdbc.getObject();
        Long engine = sql.queryForObject("""
                select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
                join case_file c on c.id = e.BUSINESS_KEY_""", Long.class);
        Long model = sql.queryForObject("select count(*) from inbox_task where group_rank = 0", Long.class);
        if (!engine.equals(model)) {
            log.info("Indbakkens læsemodel har {} opgaver, motoren {}: bygges igen", model, engine);
            rebuild();
        }
    }

    /** Builds the whole model again from the engine's open tasks and the stored alarms; returns the number of tasks. */
    public int rebuild() {
        JdbcTemplate sql = jdbc.getObject();
        sql.update("delete from inbox_task");
        String caseSeverity = severity("");
        String taskSeverity = severity(" and (" + TaskAlarms.all().stream()
                .map(e -> "(t.TASK_DEF_KEY_ = '" + e.getKey() + "' and a.code in ("
                        + e.getValue().stream().map(code -> "'" + code + "'").collect(Collectors.joining(", ")) + "))")
                .collect(Collectors.joining(" or ")) + ")");
        sql.update("""
                insert into inbox_task (task_id, candidate_group, group_rank, case_id, task_key, assignee, created, due,
                                        task_severity, case_severity)
                select t.ID_, coalesce(l.GROUP_ID_, ''), 0, c.id, t.TASK_DEF_KEY_, coalesce(t.ASSIGNEE_, ''), t.CREATE_TIME_, t.DUE_DATE_,
                       """ + taskSeverity + ", " + caseSeverity + """
                 from ACT_RU_TASK t
                join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
                join case_file c on c.id = e.BUSINESS_KEY_
                left join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null""");
        // A task with several candidate groups has a row per group; all but its first (by name) are ranked after it.
        sql.update("""
                update inbox_task set group_rank = 1 where exists (select 1 from inbox_task o
                 where o.task_id = inbox_task.task_id and o.candidate_group < inbox_task.candidate_group)""");
        Integer tasks = sql.queryForObject("select count(*) from inbox_task where group_rank = 0", Integer.class);
        log.info("Indbakkens læsemodel bygget: {} opgaver", tasks);
        return tasks;
    }

    private static String severity(String andAlarm) {
        return "coalesce((select max(" + RANK + ")"
                + " from case_alarm a where a.case_id = c.id and a.cleared_on is null" + andAlarm + "), 0)";
    }

    private static int taskSeverity(String taskKey, Map<String, Integer> byCode) {
        return TaskAlarms.clearedBy(taskKey).stream().map(code -> byCode.getOrDefault(code, 0)).max(Integer::compare).orElse(0);
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
