package dk.tvaers.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.Flag;
import dk.tvaers.caseview.CaseListQuery;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox pages part by part of a scope (my tasks, each of my groups' claimable ones) and merges them: the pages,
 * read one after the other, are exactly the list a single sort of every task the scope holds gives, in its order,
 * for each sort, with and without a condition on the case, for users in one or several of a task's groups.
 * The expected list is worked out here from the read model's rows by the scope's definition, and put in order
 * by the database with the page's own order.
 */
@TvaersTest
class InboxPagingTests {

    private static final List<CurrentUser> USERS = List.of(
            new CurrentUser("koordinator", Set.of("JOBCENTER", "coordinators")),
            new CurrentUser("ungeteam", Set.of("JOBCENTER", "youth-team")),
            new CurrentUser("begge", Set.of("JOBCENTER", "coordinators", "youth-team")));
    private static final int SIZE = 4;

    @Autowired Inbox inbox;
    @Autowired Route route;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void tasksInSeveralGroupsWithDeadlinesAndHolders() {
        repository.createDeployment().name("paging")
                .addModelInstance("PagingTwoGroups.bpmn", Bpmn.createExecutableProcess("PagingTwoGroups").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("shared").name("Fælles opgave").camundaCandidateGroups("coordinators, youth-team").endEvent().done())
                .deploy();
        for (int i = 0; i < 9; i++) {
            CaseFile caseFile = route.refer("Side Test " + i, 19 + i, Flag.NO_EDUCATION);
            String instance = runtime.startProcessInstanceByKey("PagingTwoGroups", caseFile.id()).getId();
            Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            if (i % 3 != 0) {
                // Deadlines out of the order the tasks were made in, two of them the same day; a third has none.
                task.setDueDate(Date.from(Route.today().plusDays((i * 5) % 7).atStartOfDay(java.time.ZoneId.of("Europe/Copenhagen")).toInstant()));
                tasks.saveTask(task);
            }
            if (i % 4 == 1) {
                tasks.claim(task.getId(), i % 8 == 1 ? "koordinator" : "begge");
            }
        }
    }

    @Test
    void thePagesReadInTurnAreTheWholeListInItsOrder() {
        List<CaseListQuery.Criteria> criteria = List.of(new CaseListQuery.Criteria(null, null, null),
                new CaseListQuery.Criteria("CONSENT", null, null));
        int lists = 0;
        for (CurrentUser user : USERS) {
            for (TaskListQuery.Scope scope : TaskListQuery.Scope.values()) {
                for (TaskListQuery.Sort sort : TaskListQuery.Sort.values()) {
                    for (CaseListQuery.Criteria c : criteria) {
                        TaskListQuery.Filter filter = new TaskListQuery.Filter(scope, null, null, c, sort);
                        List<String> expected = expected(user, scope, sort, c.stage());
                        List<String> paged = new ArrayList<>();
                        long total = -1;
                        for (int page = 0; page * SIZE <= expected.size(); page++) {
                            Inbox.Page found = inbox.page(user, filter, page, SIZE);
                            total = found.total();
                            found.tasks().forEach(t -> paged.add(t.id()));
                        }
                        assertThat(paged).as("%s %s %s %s", user.id(), scope, sort, c).isEqualTo(expected);
                        assertThat(total).as("count %s %s %s", user.id(), scope, c).isEqualTo(expected.size());
                        lists++;
                    }
                }
            }
        }
        assertThat(lists).isEqualTo(USERS.size() * 3 * 2 * 2);
        // The shared tasks are in both groups' lists, once for who is in both.
        assertThat(expected(USERS.get(2), TaskListQuery.Scope.GROUP, TaskListQuery.Sort.DUE, null))
                .hasSizeGreaterThanOrEqualTo(6).doesNotHaveDuplicates()
                .containsAll(expected(USERS.get(0), TaskListQuery.Scope.GROUP, TaskListQuery.Sort.DUE, null));
    }

    /** By the scope's definition: mine, assigned to me; a group's, nobody's and one of my groups a candidate. */
    private List<String> expected(CurrentUser user, TaskListQuery.Scope scope, TaskListQuery.Sort sort, String stage) {
        record ModelRow(String taskId, String group, String assignee, String stage) {}
        List<ModelRow> rows = jdbc.sql("select i.task_id, i.candidate_group, i.assignee, c.stage from inbox_task i join case_file c on c.id = i.case_id")
                .query((rs, n) -> new ModelRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        Map<String, List<ModelRow>> byTask = rows.stream().collect(Collectors.groupingBy(ModelRow::taskId));
        Set<String> wanted = new LinkedHashSet<>();
        byTask.forEach((taskId, taskRows) -> {
            ModelRow any = taskRows.get(0);
            if (stage != null && !stage.equals(any.stage())) {
                return;
            }
            boolean mine = user.id().equals(any.assignee());
            boolean claimable = any.assignee().isEmpty() && taskRows.stream().anyMatch(r -> user.groups().contains(r.group()));
            if ((scope != TaskListQuery.Scope.GROUP && mine) || (scope != TaskListQuery.Scope.MINE && claimable)) {
                wanted.add(taskId);
            }
        });
        if (wanted.isEmpty()) {
            return List.of();
        }
        String order = sort == TaskListQuery.Sort.SEVERITY
                ? " order by task_severity desc, due asc nulls last, case_severity desc, created, task_id"
                : " order by due asc nulls last, created, task_id";
        return jdbc.sql("select task_id from inbox_task where group_rank = 0 and task_id in (:ids)" + order)
                .param("ids", new ArrayList<>(new TreeSet<>(wanted))).query(String.class).list();
    }
}
