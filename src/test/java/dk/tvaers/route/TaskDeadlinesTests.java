package dk.tvaers.route;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.alarms.AlarmSweep;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.RuleVersionsRestore;
import dk.tvaers.support.TvaersTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task gets a deadline from the active thresholds, and follows them when a leader activates other
 * thresholds; a task whose BPMN sets its own due date (the youth team's next meeting) keeps it.
 */
@TvaersTest
class TaskDeadlinesTests {

    @Autowired Api api;
    @Autowired Route route;
    @Autowired RuleEngine engine;
    @Autowired AlarmSweep sweep;

    RuleVersionsRestore restore;

    @BeforeEach
    void remember() {
        restore = new RuleVersionsRestore(engine, sweep);
    }

    @AfterEach
    void putBack() {
        restore.restore();
    }

    private static LocalDate day(Date due) {
        return due.toInstant().atZone(ZoneId.of("Europe/Copenhagen")).toLocalDate();
    }

    @Test
    void theConsentTaskIsDueWhenTheCaseWouldHaveNoCoordinatorForTooLongAndFollowsTheThreshold() {
        LocalDate referred = Route.today().minusDays(3);
        Map<String, Object> referral = Map.of("externalRef", "DEADLINE-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(20), "name", "Frist Borger"),
                "referredBy", "JOBCENTER", "referralDate", referred.toString(), "flags", List.of("NO_EDUCATION"));
        String caseId = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        // NO_COORDINATOR is 5 days: the consent task is due on the referral's fifth day after.
        assertThat(day(route.task(caseId, "registerConsent").getDueDate())).isEqualTo(referred.plusDays(5));
        assertThat(api.get("koordinator", "/api/tasks?caseId=" + caseId).body().get(0).get("due").asText()).startsWith(referred.plusDays(5).toString());

        Api.Response changed = api.put("leder", "/api/rules/thresholds", Map.of("thresholds", Map.of("NO_COORDINATOR", 8),
                "comment", "Koordinatoren skal have otte dage"));
        assertThat(changed.status()).isEqualTo(201);
        assertThat(day(route.task(caseId, "registerConsent").getDueDate())).isEqualTo(referred.plusDays(8));

        restore.restore();
        assertThat(day(route.task(caseId, "registerConsent").getDueDate())).isEqualTo(referred.plusDays(5));
    }
}
