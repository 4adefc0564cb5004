package dk.tvaers.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.Flag;
import dk.tvaers.caseview.CaseListQuery;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox's counts are the number of rows its pages give, whether the count joins the case file (a filter
 * reads the case) or not; a task whose process is not a case's route is in neither.
 */
@TvaersTest
class InboxCountTests {

    private static final CurrentUser COORDINATOR = new CurrentUser("koordinator", Set.of("JOBCENTER", "coordinators"));

    @Autowired Inbox inbox;
    @Autowired Route route;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @Test
    void everyCountIsTheNumberOfRowsItsPagesGive() {
        for (int i = 0; i < 4; i++) {
            route.refer("Tælle Test " + i, 20 + i, Flag.NO_EDUCATION);
        }
        for (TaskListQuery.Scope scope : TaskListQuery.Scope.values()) {
            for (CaseListQuery.Criteria criteria : List.of(new CaseListQuery.Criteria(null, null, null),
                    new CaseListQuery.Criteria("CONSENT", null, null))) {
                TaskListQuery.Filter filter = new TaskListQuery.Filter(scope, null, null, criteria, TaskListQuery.Sort.DUE);
                long total = inbox.page(COORDINATOR, filter, 0, 10).total();
                assertThat(rows(filter)).as("%s %s", scope, criteria).hasSize((int) total);
            }
        }
        assertThat(inbox.page(COORDINATOR, new TaskListQuery.Filter(TaskListQuery.Scope.GROUP, null, null,
                new CaseListQuery.Criteria(null, null, null), TaskListQuery.Sort.DUE), 0, 10).total()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aTaskOfAProcessThatIsNotACasesRouteIsNotInTheInbox() {
        repository.createDeployment().name("not-a-route")
                .addModelInstance("NotARoute.bpmn", Bpmn.createExecutableProcess("NotARoute").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("work").name("Andet arbejde").camundaCandidateGroups("coordinators").endEvent().done())
                .deploy();
        TaskListQuery.Filter mine = new TaskListQuery.Filter(TaskListQuery.Scope.MINE, null, null,
                new CaseListQuery.Criteria(null, null, null), TaskListQuery.Sort.DUE);
        TaskListQuery.Filter group = new TaskListQuery.Filter(TaskListQuery.Scope.GROUP, null, null,
                new CaseListQuery.Criteria(null, null, null), TaskListQuery.Sort.DUE);
        long mineBefore = inbox.page(COORDINATOR, mine, 0, 10).total();
        long groupBefore = inbox.page(COORDINATOR, group, 0, 10).total();

        String unclaimed = runtime.startProcessInstanceByKey("NotARoute", "IKKE-EN-SAG-1").getId();
        String claimed = runtime.startProcessInstanceByKey("NotARoute", "IKKE-EN-SAG-2").getId();
        tasks.claim(tasks.createTaskQuery().processInstanceId(claimed).singleResult().getId(), "koordinator");
        try {
            assertThat(inbox.page(COORDINATOR, mine, 0, 10).total()).isEqualTo(mineBefore);
            assertThat(inbox.page(COORDINATOR, group, 0, 10).total()).isEqualTo(groupBefore);
        } finally {
            runtime.deleteProcessInstance(unclaimed, "test");
            runtime.deleteProcessInstance(claimed, "test");
        }
    }

    private List<Inbox.TaskView> rows(TaskListQuery.Filter filter) {
        List<Inbox.TaskView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Inbox.TaskView> found = inbox.page(COORDINATOR, filter, page, 10).tasks();
            all.addAll(found);
            if (found.size() < 10) {
                return all;
            }
        }
    }
}
