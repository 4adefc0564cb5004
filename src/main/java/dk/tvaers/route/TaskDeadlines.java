package dk.tvaers.route;

import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.RuleSetEvents;
import dk.tvaers.rules.Threshold;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deadline on every user task, from the active rule set: the day its step's alarm threshold is reached
 * (the coordinator's consent task: the referral plus NO_COORDINATOR's days; the network meeting:
 * WAIT_NETWORK_MEETING's days; the follow-up: NO_FOLLOW_UP's), and for a step no alarm watches the
 * gap threshold (GAP_NO_ACTIVE_EFFORT: that long without a next step is a gap). A task whose BPMN sets
 * its own due date (the youth team's next meeting) keeps it. The task keeps what its deadline was
 * counted from (a local variable), so when a leader activates another rule set every open task's
 * deadline follows the new thresholds before the activation answers.
 */
@Component
public class TaskDeadlines extends AbstractProcessEnginePlugin {

    /** The task's local variable: the threshold code and the day the deadline counts from, "CODE|YYYY-MM-DD". */
    public static final String COUNTED_FROM = "tvaersDeadline";
    /** The threshold a task's deadline is counted by, per task key; others by {@link #GAP}. */
    static final Map<String, String> BY_TASK = Map.of(
            RouteProcess.Tasks.REGISTER_CONSENT, "NO_COORDINATOR",
            RouteProcess.Tasks.NETWORK_MEETING, "WAIT_NETWORK_MEETING",
            RouteProcess.Tasks.FOLLOW_UP, "NO_FOLLOW_UP");
    static final String GAP = "GAP_NO_ACTIVE_EFFORT";
    /** The hour of the deadline day a task is due (the inbox shows the day). */
    private static final LocalTime DUE_AT = LocalTime.of(16, 0);
    private static final int PAGE = 500;

    private static final Logger log = LoggerFactory.getLogger(TaskDeadlines.class);

    private final ObjectProvider<RuleEngine> rules;
    private final ObjectProvider<CaseFiles> caseFiles;
    private final ObjectProvider<TaskService> tasks;
    private final ObjectProvider<org.springframework.jdbc.core.simple.JdbcClient> jdbc;
    private final Clock clock;

    TaskDeadlines(ObjectProvider<RuleEngine> rules, ObjectProvider<CaseFiles> caseFiles, ObjectProvider<TaskService> tasks,
                  ObjectProvider<org.springframework.jdbc.core.simple.JdbcClient> jdbc, Clock clock) {
        this.rules = rules;
        this.caseFiles = caseFiles;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        TaskListener onCreate = this::onCreate;
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void onCreate(DelegateTask task) {
        if (task.getDueDate() != null) {
            return;
        }
        String code = codeFor(task.getTaskDefinitionKey());
        LocalDate from = LocalDate.now(clock);
        if (RouteProcess.Tasks.REGISTER_CONSENT.equals(task.getTaskDefinitionKey()) && task.getExecution().getProcessBusinessKey() != null) {
            from = caseFiles.getObject().referralDate(task.getExecution().getProcessBusinessKey()).orElse(from);
        }
        Date due = due(code, from);
        if (due != null) {
            task.setDueDate(due);
            task.setVariableLocal(COUNTED_FROM, code + "|" + from);
        }
    }

    /** The threshold whose days a task of this key is due within. */
    public static String codeFor(String taskKey) {
        return BY_TASK.getOrDefault(taskKey, GAP);
    }

    /** The deadline: the last day before the threshold's alarm (a threshold of N days alarms from day N + 1). */
    private Date due(String code, LocalDate from) {
        Threshold threshold = rules.getObject().active().thresholds().get(code);
        if (threshold == null) {
            return null;
        }
        return Date.from(from.plusDays(threshold.days()).atTime(DUE_AT).atZone(clock.getZone()).toInstant());
    }

    /**
     * A leader activated a rule set: every open task's deadline is counted again by its thresholds, before the
     * activation answers (one query over the tasks' counted-from variables; only the tasks whose deadline moves
     * are loaded and saved).
     */
    @EventListener
    void afterActivation(RuleSetEvents.VersionActivated activated) {
        try {
            recount();
        } catch (RuntimeException e) {
            log.error("Fristerne efter regelversion {} kunne ikke tælles om", activated.version(), e);
        }
    }

    /**
     * Counts every open task's deadline again by the active thresholds; returns how many changed. What each
     * deadline was counted from and the deadline it has are read in one query over the engine's runtime
     * tables (a paged variable query sorts every variable again for each page: minutes at 100,000 tasks);
     * only the tasks whose deadline moves are loaded and saved through the engine, a page at a time.
     */
    public int recount() {
        TaskService service = tasks.getObject();
        Map<String, Date> moved = new java.util.HashMap<>();
        jdbc.getObject().sql("""
                        select t.ID_, v.TEXT_, t.DUE_DATE_ from ACT_RU_VARIABLE v join ACT_RU_TASK t on t.ID_ = v.TASK_ID_
                        where v.NAME_ = :name""")
                .param("name", COUNTED_FROM)
                .query((java.sql.ResultSet rs) -> {
                    String text = rs.getString(2);
                    if (text != null && text.contains("|")) {
                        Date due = due(text.substring(0, text.indexOf('|')), LocalDate.parse(text.substring(text.indexOf('|') + 1)));
                        java.sql.Timestamp has = rs.getTimestamp(3);
                        if (due != null && (has == null || has.getTime() != due.getTime())) {
                            moved.put(rs.getString(1), due);
                        }
                    }
                });
        int changed = 0;
        List<String> ids = new ArrayList<>(moved.keySet());
        for (int from = 0; from < ids.size(); from += PAGE) {
            for (Task task : service.createTaskQuery().taskIdIn(ids.subList(from, Math.min(ids.size(), from + PAGE)).toArray(String[]::new)).list()) {
                Date due = moved.get(task.getId());
                if (!due.equals(task.getDueDate())) {
                    task.setDueDate(due);
                    service.saveTask(task);
                    changed++;
                }
            }
        }
        log.info("Frister talt om efter de aktive grænser: {} opgaver ændret", changed);
        return changed;
    }
}
