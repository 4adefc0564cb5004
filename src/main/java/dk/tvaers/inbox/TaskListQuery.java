package dk.tvaers.inbox;

import dk.tvaers.casefile.CaseVisibility;
import dk.tvaers.caseview.CaseListQuery;
import dk.tvaers.caseview.CaseView;
import dk.tvaers.route.TaskAlarms;
import dk.tvaers.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox as one paged SQL query: the engine's open tasks joined to the case file by the process
 * business key, with the access policy's visibility and the case list's filters as the same where
 * clause as {@link CaseListQuery}. Sorting by alarm severity happens in the database, so a page of
 * 25 out of thousands of tasks costs three queries, not one per task (decision 0008).
 */
@Component
class TaskListQuery {

    enum Scope { MINE, GROUP, BOTH }

    enum Sort { DUE, SEVERITY }

    record Filter(Scope scope, String taskKey, String caseId, CaseListQuery.Criteria criteria, Sort sort) {}

    record Row(String id, String taskKey, String name, String caseId, String citizenName, String stage, String assignee,
               Instant created, Instant due, java.time.LocalDate followUp) {}

    record Page(List<Row> rows, long total) {}

    /** The highest severity among the case's open alarms: 3 critical, 2 warning, 1 info, 0 none. */
    private static final String CASE_SEVERITY = severity("");

    /**
     * The highest severity among the open alarms the task itself can clear ({@link TaskAlarms}): the task's own
     * urgency, which the inbox sorts by first (a consent task is not urgent because a treatment waits).
     */
    private static final String TASK_SEVERITY = severity(" and (" + TaskAlarms.all().stream()
            .map(e -> "(t.TASK_DEF_KEY_ = '" + e.getKey() + "' and a.code in ("
                    + e.getValue().stream().map(code -> "'" + code + "'").collect(Collectors.joining(", ")) + "))")
            .collect(Collectors.joining(" or ")) + ")");

    private static final String FROM = " " + """
            from ACT_RU_TASK t
            join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
            join case_file c on c.id = e.BUSINESS_KEY_""";

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
            where.append(" and t.TASK_DEF_KEY_ = :taskKey");
            params.put("taskKey", filter.taskKey());
        }
        if (filter.caseId() != null) {
            where.append(" and c.id = :caseId");
            params.put("caseId", filter.caseId());
        }
        long total = CaseListQuery.bind(jdbc.sql("select count(*)" + FROM + where), params).query(Long.class).single();
        if (total == 0) {
            return new Page(List.of(), 0);
        }
        String order = filter.sort() == Sort.SEVERITY
                ? " order by task_severity desc, t.DUE_DATE_ asc nulls last, case_severity desc, t.CREATE_TIME_, t.ID_"
                : " order by t.DUE_DATE_ asc nulls last, t.CREATE_TIME_, t.ID_";
        String severities = filter.sort() == Sort.SEVERITY
                ? ", " + TASK_SEVERITY + " as task_severity, " + CASE_SEVERITY + " as case_severity" : "";
        List<Row> rows = CaseListQuery.bind(jdbc.sql("""
                        select t.ID_, t.TASK_DEF_KEY_, t.NAME_, c.id, c.citizen_name, c.stage, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_, t.FOLLOW_UP_DATE_
                        """ + severities + FROM + where + order + " limit :limit offset :offset"), params)
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

    /** Mine: assigned to me. Group: nobody has it and one of my groups is a candidate (as the engine's own task query). */
    private static String scope(Scope scope, CurrentUser user, Map<String, Object> params) {
        params.put("me", user.id());
        String mine = "t.ASSIGNEE_ = :me";
        if (user.groups().isEmpty()) {
            return mine;
        }
        params.put("groups", List.copyOf(user.groups()));
        // "GROUP_ID_ || ''" keeps PostgreSQL from probing the group index once per task when its statistics are
        // stale (after a bulk import: 4.4 s instead of 65 ms for 5,000 tasks); the task id index is used instead.
        String group = """
                (t.ASSIGNEE_ is null and exists (select 1 from ACT_RU_IDENTITYLINK l
                 where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ || '' in (:groups)))""";
        return switch (scope) {
            case MINE -> mine;
            case GROUP -> group;
            case BOTH -> "(" + mine + " or " + group + ")";
        };
    }

    private static String severity(String andAlarm) {
        return "coalesce((select max(case a.severity when 'CRITICAL' then 3 when 'WARNING' then 2 else 1 end)"
                + " from case_alarm a where a.case_id = c.id and a.cleared_on is null" + andAlarm + "), 0)";
    }

    /** A follow-up date as the day it is, in the municipality's time (the engine stores the day's start). */
    private java.time.LocalDate day(Timestamp timestamp) {
        return timestamp == null ? null : java.time.LocalDate.ofInstant(timestamp.toInstant(), zone);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
