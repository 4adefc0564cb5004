package dk.tvaers.inbox;

import dk.tvaers.casefile.CaseVisibility;
import dk.tvaers.caseview.CaseListQuery;
import dk.tvaers.caseview.CaseView;
import dk.tvaers.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox as one paged SQL query over its read model ({@link InboxReadModel}: the open tasks with their
 * group, assignee, deadline and urgencies) joined to the case file, with the access policy's visibility and
 * the case list's filters as the same where clause as {@link CaseListQuery}. Sorting by urgency is an
 * index's order, so a page of 25 out of a country's tasks costs three queries, not one per task
 * (decisions 0008 and 0016).
 */
@Component
class TaskListQuery {

    enum Scope { MINE, GROUP, BOTH }

    enum Sort { DUE, SEVERITY }

    record Filter(Scope scope, String taskKey, String caseId, CaseListQuery.Criteria criteria, Sort sort) {}

    record Row(String id, String taskKey, String name, String caseId, String citizenName, String stage, String assignee,
               Instant created, Instant due, java.time.LocalDate followUp) {}

    record Page(List<Row> rows, long total) {}

    private static final String FROM = " " + """
            from inbox_task i
            join case_file c on c.id = i.case_id""";

    private final JdbcClient jdbc;
    private final CaseListQuery cases;
    private final java.time.ZoneId zone;

    TaskListQuery(JdbcClient jdbc, CaseListQuery cases, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
        this.cases = cases;
    }

    Page find(CurrentUser user, CaseVisibility visibility, Filter filter, int page, int size) {
        if (visibility.seesNothing() || (filter.scope() == Scope.GROUP && user.groups().isEmpty())) {
            return new Page(List.of(), 0);
        }
        CaseListQuery.Where visible = cases.where(filter.criteria(), visibility);
        Map<String, Object> params = new LinkedHashMap<>(visible.params());
        StringBuilder where = new StringBuilder(visible.sql());
        where.append(" and ").append(scope(filter.scope(), user, params));
        if (filter.taskKey() != null) {
            where.append(" and i.task_key = :taskKey");
            params.put("taskKey", filter.taskKey());
        }
        if (filter.caseId() != null) {
            where.append(" and i.case_id = :caseId");
            params.put("caseId", filter.caseId());
        }
        // Every task of the model has its case: the count joins the case file only when a condition reads it.
        String countFrom = visible.onCase() ? FROM : " from inbox_task i";
        long total = CaseListQuery.bind(jdbc.sql("select count(*)" + countFrom + where), params).query(Long.class).single();
        if (total == 0) {
            return new Page(List.of(), 0);
        }
        String order = filter.sort() == Sort.SEVERITY
                ? " order by i.task_severity desc, i.due asc nulls last, i.case_severity desc, i.created, i.task_id"
                : " order by i.due asc nulls last, i.created, i.task_id";
        List<Row> rows = CaseListQuery.bind(jdbc.sql("""
                        select t.ID_, t.TASK_DEF_KEY_, t.NAME_, c.id, c.citizen_name, c.stage, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_, t.FOLLOW_UP_DATE_
                        """ + FROM + " join ACT_RU_TASK t on t.ID_ = i.task_id" + where + order + " limit :limit offset :offset"), params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                        day(rs.getTimestamp(10))))
                .list();
        return new Page(rows, total);
    }

    /** Open alarms per case, most serious first (the first line says why the task is urgent), for a page of tasks. */
    Map<String, List<CaseView.AlarmView>> openAlarms(Collection<String> caseIds) {
        Map<String, List<CaseView.AlarmView>> byCase = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        jdbc.sql("""
                        select case_id, code, severity, since, rule_name, text from case_alarm
                        where cleared_on is null and case_id in (:ids)
                        order by case severity when 'CRITICAL' then 0 when 'WARNING' then 1 else 2 end, id""")
                .param("ids", List.copyOf(caseIds))
                .query((rs, n) -> Map.entry(rs.getString(1), new CaseView.AlarmView(rs.getString(2), rs.getString(3),
                        rs.getObject(4, java.time.LocalDate.class), rs.getString(5), rs.getString(6))))
                .list()
                .forEach(e -> byCase.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byCase;
    }

    /** Candidate groups per task, for a page of tasks. */
    Map<String, List<String>> candidateGroups(Collection<String> taskIds) {
        Map<String, List<String>> byTask = new LinkedHashMap<>();
        if (taskIds.isEmpty()) {
            return byTask;
        }
        jdbc.sql("""
                        select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK
                        where TYPE_ = 'candidate' and GROUP_ID_ is not null and TASK_ID_ in (:ids) order by GROUP_ID_""")
                .param("ids", List.copyOf(taskIds))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> byTask.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byTask;
    }

    /**
     * Mine: assigned to me. Group: nobody has it and one of my groups is a candidate (as the engine's own task query);
     * a task with several of my groups counts once, by the first of them.
     */
    private static String scope(Scope scope, CurrentUser user, Map<String, Object> params) {
        params.put("me", user.id());
        String mine = "(i.assignee = :me and i.group_rank = 0)";
        if (user.groups().isEmpty()) {
            return mine;
        }
        params.put("groups", List.copyOf(user.groups()));
        String group = """
                (i.assignee is null and i.candidate_group in (:groups) and (i.group_rank = 0 or not exists (select 1 from inbox_task o
                 where o.task_id = i.task_id and o.candidate_group in (:groups) and o.candidate_group < i.candidate_group)))""";
        return switch (scope) {
            case MINE -> mine;
            case GROUP -> group;
            case BOTH -> "(" + mine + " or " + group + ")";
        };
    }

    /** A follow-up date as the day it is, in the municipality's time (the engine stores the day's start). */
    private java.time.LocalDate day(Timestamp timestamp) {
        return timestamp == null ? null : java.time.LocalDate.ofInstant(timestamp.toInstant(), zone);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
