package dk.tvaers.inbox;

import dk.tvaers.casefile.CaseVisibility;
import dk.tvaers.caseview.CaseListQuery;
import dk.tvaers.caseview.CaseView;
import dk.tvaers.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox as paged SQL over its read model ({@link InboxReadModel}: the open tasks with their group,
 * assignee, deadline and urgencies), with the access policy's visibility and the case list's filters as the
 * same where clause as {@link CaseListQuery}. A list is counted and paged part by part of its scope (my tasks,
 * each of my groups' claimable ones), each part a range of an index in the page's order, so a page of 25 out
 * of a country's tasks reads about 25 rows per part, and only the page's rows meet the case file and the
 * engine's task (decisions 0008 and 0016).
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
        if (filter.taskKey() != null) {
            where.append(" and i.task_key = :taskKey");
            params.put("taskKey", filter.taskKey());
        }
        if (filter.caseId() != null) {
            where.append(" and i.case_id = :caseId");
            params.put("caseId", filter.caseId());
        }
        List<Part> parts = parts(filter.scope(), user, params);
        // Every task of the model has its case: a query of the model joins the case file only when a condition reads it.
        String from = visible.onCase() ? FROM : " from inbox_task i";
        long total = CaseListQuery.bind(jdbc.sql("select " + parts.stream().flatMap(part -> part.counted().stream())
                        .map(counted -> "(select count(*)" + from + where + " and " + counted + ")")
                        .collect(Collectors.joining(" + "))), params)
                .query(Long.class).single();
        if (total == 0) {
            return new Page(List.of(), 0);
        }
        String order = filter.sort() == Sort.SEVERITY
                ? " order by i.task_severity desc, i.due asc nulls last, i.case_severity desc, i.created, i.task_id"
                : " order by i.due asc nulls last, i.created, i.task_id";
        // Each part (my tasks, each of my groups' claimable ones) is a range of an index in the page's order: each gives
        // at most the rows up to the page's end, in order, merged and cut to the page. Only the page's rows then meet the
        // case file and the engine's task, by their keys, in a query of their own (H2 would carry the join into the
        // limited subquery).
        // The window is written into the query, not bound: H2 2.3 reuses a derived table's rows across executions of a
        // prepared query when only a parameter of its limit changed (every page after the first came back empty).
        long window = (long) (page + 1) * size;
        String union = parts.stream()
                .map(part -> "(select i.task_id, i.task_severity, i.due, i.case_severity, i.created" + from + where
                        + " and " + part.paged() + order + " limit " + window + ")")
                .collect(Collectors.joining(" union all "));
        List<String> ids = CaseListQuery.bind(jdbc.sql("select i.task_id from (" + union + ") i" + order + " limit :limit offset :offset"), params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(String.class)
                .list();
        if (ids.isEmpty()) {
            return new Page(List.of(), total);
        }
        Map<String, Row> byId = new HashMap<>();
        jdbc.sql("""
                        select t.ID_, t.TASK_DEF_KEY_, t.NAME_, c.id, c.citizen_name, c.stage, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_, t.FOLLOW_UP_DATE_
                        from inbox_task i
                        join case_file c on c.id = i.case_id
                        join ACT_RU_TASK t on t.ID_ = i.task_id
                        where i.task_id in (:ids) and i.group_rank = 0""")
                .param("ids", ids)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                        day(rs.getTimestamp(10))))
                .list()
                .forEach(row -> byId.put(row.id(), row));
        // A task completed between the two queries is left out of the page.
        List<Row> rows = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
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
     * A part of a scope, disjoint from the others: its condition as a page walks it (a range of an index in the page's
     * order, filtered), and the same split into conditions that are each a range of an index, for counting.
     */
    private record Part(String paged, List<String> counted) {}

    /**
     * The scope's parts. Mine: assigned to me. A group's: nobody has it and the group is a candidate (as the engine's
     * own task query); a task with several of my groups counts once, by the first of them (by name).
     */
    private static List<Part> parts(Scope scope, CurrentUser user, Map<String, Object> params) {
        List<Part> parts = new ArrayList<>();
        if (scope != Scope.GROUP) {
            params.put("me", user.id());
            String mine = "i.assignee = :me and i.group_rank = 0";
            parts.add(new Part(mine, List.of(mine)));
        }
        if (scope != Scope.MINE && !user.groups().isEmpty()) {
            List<String> groups = user.groups().stream().sorted().toList();
            params.put("groups", groups);
            String noEarlierGroup = """
                    not exists (select 1 from inbox_task o
                     where o.task_id = i.task_id and o.candidate_group in (:groups) and o.candidate_group < i.candidate_group)""";
            for (int g = 0; g < groups.size(); g++) {
                params.put("group" + g, groups.get(g));
                String claimable = "i.assignee = '" + InboxReadModel.NOBODY + "' and i.candidate_group = :group" + g;
                parts.add(new Part(claimable + " and (i.group_rank = 0 or " + noEarlierGroup + ")",
                        List.of(claimable + " and i.group_rank = 0", claimable + " and i.group_rank > 0 and " + noEarlierGroup)));
            }
        }
        return parts;
    }

    /** A follow-up date as the day it is, in the municipality's time (the engine stores the day's start). */
    private java.time.LocalDate day(Timestamp timestamp) {
        return timestamp == null ? null : java.time.LocalDate.ofInstant(timestamp.toInstant(), zone);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
