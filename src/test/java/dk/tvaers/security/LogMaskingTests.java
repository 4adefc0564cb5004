package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A full persona route, then a scan of everything logged meanwhile: no ten-digit CPR may appear. */
@TvaersTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTests {

    private static final Logger log = LoggerFactory.getLogger(LogMaskingTests.class);
    private static final Pattern CPR = Pattern.compile("(?<![0-9])[0-9]{6}-?[0-9]{4}(?![0-9])");

    @Autowired Api api;
    @Autowired Route route;

    @AfterEach
    void resetClock() {
        Route.resetClock();
    }

    @Test
    void aWholeRouteLogsNoCprNumber(CapturedOutput output) {
        Route.today(LocalDate.of(2026, 9, 7));
        String cpr = Route.cprForAge(19);
        Map<String, Object> referral = Map.of("externalRef", "LOG-" + System.nanoTime(), "citizen", Map.of("cpr", cpr, "name", "Log Test"),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(), "flags", List.of("MENTAL_HEALTH"));
        String id = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        // A bad request carrying a CPR number, and a careless log line: both must come out masked.
        api.post("koordinator", "/api/cases", Map.of("externalRef", "LOG-BAD", "citizen", Map.of("cpr", cpr + "9", "name", "x")));
        log.warn("En uforsigtig logning med CPR {} og {}", cpr, cpr.substring(0, 6) + "-" + cpr.substring(6));
        complete(id, "koordinator", "registerConsent", Map.of("consentGiven", true, "givenBy", "CITIZEN",
                "departments", List.of("PSYCHIATRY"), "givenOn", Route.today().toString()));
        complete(id, "ungeteam", "youthTeamSparring", Map.of("outcome", "INTERDISCIPLINARY", "departments", List.of("PSYCHIATRY")));
        complete(id, "koordinator", "networkMeeting", Map.of("heldOn", Route.today().toString(),
                "participants", List.of(Map.of("role", "CITIZEN")), "nextStep", "FOLLOW_UP"));
        route.fireTimer(id, "Timer_FollowUpDue");
        complete(id, "koordinator", "followUp", Map.of("progression", Map.of("HEALTH", 5), "outcome", "CLOSE", "closeReason", "OTHER"));
        api.get("koordinator", "/api/cases/" + id + "/timeline");

        String logged = output.getAll();
        assertThat(logged).contains("En uforsigtig logning med CPR " + cpr.substring(0, 6) + "-****");
        Matcher matcher = CPR.matcher(logged);
        List<String> found = matcher.results().map(r -> r.group()).toList();
        assertThat(found).as("CPR-like numbers in the log").isEmpty();
        assertThat(logged).doesNotContain(cpr);
    }

    private void complete(String caseId, String user, String taskKey, Map<String, Object> body) {
        String taskId = api.get(user, "/api/tasks?caseId=" + caseId + "&taskKey=" + taskKey).body().get(0).get("id").asText();
        assertThat(api.post(user, "/api/tasks/" + taskId + "/complete", body).status()).isEqualTo(204);
    }
}
