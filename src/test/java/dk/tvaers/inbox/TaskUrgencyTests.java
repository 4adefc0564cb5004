package dk.tvaers.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.EffortType;
import dk.tvaers.casefile.Flag;
import dk.tvaers.caseview.CaseListQuery;
import dk.tvaers.caseview.CaseView;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A task is as urgent as the alarms it can clear: consent is not urgent because a treatment waits. The inbox
 * (page and API) tells the task's own alarms from the case's others and sorts by the task's own.
 */
@TvaersTest
class TaskUrgencyTests {

    @LocalServerPort int port;
    @Autowired Api api;
    @Autowired Route route;
    @Autowired CaseFiles caseFiles;
    @Autowired CaseEvaluation evaluation;
    @Autowired Inbox inbox;

    @AfterEach
    void resetClock() {
        Route.resetClock();
    }

    @Test
    void theConsentTaskIsUrgentForTheSuggestionsItAnswersNotForAWaitingTreatment() throws Exception {
        LocalDate today = Route.today();
        // Waits for addiction treatment beyond the §101 guarantee (critical), which consent does not change.
        Route.today(today.minusDays(30));
        String waiting = route.refer("Urgency Anders", 30).id();
        caseFiles.recordEffort(waiting, EffortType.ADDICTION_TREATMENT, Department.ADDICTION, today.minusDays(20), null, null, null);
        // Suggestions unanswered for twelve days (a warning), which the consent form answers.
        Route.today(today.minusDays(12));
        String suggested = route.refer("Urgency Bente", 22, Flag.MENTAL_HEALTH).id();
        Route.resetClock();
        evaluation.evaluate(waiting);
        evaluation.evaluate(suggested);

        JsonNode waitingTask = api.get("koordinator", "/api/tasks?caseId=" + waiting + "&taskKey=registerConsent").body().get(0);
        assertThat(codes(waitingTask.get("alarms"))).contains("WAIT_SERVICE");
        assertThat(codes(waitingTask.get("clears"))).isEmpty();
        JsonNode suggestedTask = api.get("koordinator", "/api/tasks?caseId=" + suggested + "&taskKey=registerConsent").body().get(0);
        assertThat(codes(suggestedTask.get("alarms"))).contains("SUGGESTION_UNANSWERED", "NO_COORDINATOR");
        assertThat(codes(suggestedTask.get("clears"))).containsExactly("SUGGESTION_UNANSWERED");

        // Sorted by urgency: the task that clears an alarm comes before the one whose case has only a critical it
        // cannot clear, although that one's deadline is earlier and its case's alarm is more serious.
        CurrentUser coordinator = new CurrentUser("koordinator", Set.of("JOBCENTER", "coordinators"));
        List<Inbox.TaskView> sorted = inbox.page(coordinator, new TaskListQuery.Filter(TaskListQuery.Scope.BOTH, "registerConsent", null,
                new CaseListQuery.Criteria(null, null, null), TaskListQuery.Sort.SEVERITY), 0, 1000).tasks();
        List<String> order = sorted.stream().map(Inbox.TaskView::caseId).toList();
        assertThat(order).contains(waiting, suggested);
        assertThat(order.indexOf(suggested)).isLessThan(order.indexOf(waiting));
        Inbox.TaskView waitingView = sorted.get(order.indexOf(waiting));
        assertThat(waitingView.ownAlarms()).isEmpty();
        assertThat(waitingView.otherAlarms()).extracting(CaseView.AlarmView::severity).contains("CRITICAL");
        // By due date the other way round: the deadline of the waiting case is the earlier.
        List<String> byDue = inbox.page(coordinator, new TaskListQuery.Filter(TaskListQuery.Scope.BOTH, "registerConsent", null,
                new CaseListQuery.Criteria(null, null, null), TaskListQuery.Sort.DUE), 0, 1000).tasks().stream().map(Inbox.TaskView::caseId).toList();
        assertThat(byDue.indexOf(waiting)).isLessThan(byDue.indexOf(suggested));

        // The page: the task's own alarms in the row, the case's others folded apart under their own heading.
        String waitingId = waitingTask.get("id").asText();
        String suggestedId = suggestedTask.get("id").asText();
        WebSession browser = new WebSession(port).loggedInAs("koordinator");
        try {
            assertThat(api.post("koordinator", "/api/tasks/" + waitingId + "/claim", java.util.Map.of()).status()).isEqualTo(204);
            assertThat(api.post("koordinator", "/api/tasks/" + suggestedId + "/claim", java.util.Map.of()).status()).isEqualTo(204);
            String page = browser.get("/indbakke?sort=severity").body();
            String mine = page.substring(page.indexOf("id=\"mine-tasks\""), page.indexOf("</table>", page.indexOf("id=\"mine-tasks\"")));
            assertThat(mine.indexOf("Urgency Bente")).isPositive().isLessThan(mine.indexOf("Urgency Anders"));
            String waitingRow = row(mine, "Urgency Anders");
            assertThat(waitingRow).doesNotContain("sev-critical").contains("Sagens andre alarmer (");
            assertThat(waitingRow.substring(waitingRow.indexOf("<summary"))).contains("behandlingsgarantien");
            String suggestedRow = row(mine, "Urgency Bente");
            String own = suggestedRow.contains("<summary") ? suggestedRow.substring(0, suggestedRow.indexOf("<summary")) : suggestedRow;
            assertThat(own).contains("<ul class=\"alarms\">").contains("har været ubesvaret i 12 dage");
            assertThat(page).contains("Alarmer, opgaven løser");
        } finally {
            api.post("koordinator", "/api/tasks/" + waitingId + "/unclaim", java.util.Map.of());
            api.post("koordinator", "/api/tasks/" + suggestedId + "/unclaim", java.util.Map.of());
        }
    }

    private static List<String> codes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.isTextual() ? n.asText() : n.get("code").asText()).toList();
    }

    /** The table row that holds the name. */
    private static String row(String table, String name) {
        int at = table.indexOf(name);
        int start = table.lastIndexOf("<tr", at);
        return table.substring(start, table.indexOf("</tr>", at));
    }
}
