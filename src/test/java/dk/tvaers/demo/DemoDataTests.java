package dk.tvaers.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.TvaersApplication;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo profile starts with the users of API.md and a municipality's worth of cases at every stage. */
class DemoDataTests {

    private static ConfigurableApplicationContext demo;

    @BeforeAll
    static void start() {
        demo = new SpringApplicationBuilder(TvaersApplication.class).profiles("test", "demo").run(
                "--spring.datasource.url=jdbc:h2:mem:demo-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.process-engine-name=demo" + System.nanoTime(),
                // Camunda keeps the webapps' runtime in static fields; the shared test context owns them.
                "--camunda.bpm.webapp.enabled=false",
                "--server.port=0");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static JdbcClient jdbc() {
        return demo.getBean(JdbcClient.class);
    }

    @Test
    void aYearOfClosedAnonymisedCasesGivesTheLeadersFiguresSomethingToShow() {
        List<java.util.Map<String, Object>> history = jdbc().sql("select status, citizen_name, cpr, anonymised_on from case_file "
                + "where referral_digest = 'demo-history'").query().listOfRows();
        assertThat(history).hasSize(600).allSatisfy(c -> {
            assertThat(c.get("status")).isEqualTo("CLOSED");
            assertThat(c.get("citizen_name")).isEqualTo("Anonymiseret");
            assertThat(c.get("cpr")).isEqualTo("0000000000");
            assertThat(c.get("anonymised_on")).isNotNull();
        });
        dk.tvaers.stats.Statistics statistics = demo.getBean(dk.tvaers.stats.Statistics.class);
        java.time.LocalDate today = java.time.LocalDate.now(demo.getBean(java.time.Clock.class));
        var quarter = statistics.report(new dk.tvaers.stats.Period(today.minusMonths(3).plusDays(1), today, null));
        assertThat(quarter.keyFigures().interdisciplinary().percent()).isNotNull();
        assertThat(quarter.keyFigures().daysToYouthTeam().median()).isNotNull();
        assertThat(quarter.keyFigures().outcomesPer100().get(dk.tvaers.casefile.Outcome.JOB)).isNotNull();
        assertThat(quarter.waitingDaysByStage().get(dk.tvaers.casefile.Stage.SPARRING).median()).isNotNull();
    }

    @Test
    void seedsBetweenFifteenAndTwentyFiveCasesOverEveryStage() {
        long cases = jdbc().sql("select count(*) from case_file where referral_digest <> 'demo-history'").query(Long.class).single();
        assertThat(cases).isBetween(15L, 25L);
        List<String> stages = jdbc().sql("select distinct stage from case_file where referral_digest <> 'demo-history'").query(String.class).list();
        assertThat(stages).containsExactlyInAnyOrder("CONSENT", "SPARRING", "NETWORK_MEETING", "INTERNSHIP", "FOLLOW_UP", "CLOSED");
        List<String> names = jdbc().sql("select citizen_name from case_file").query(String.class).list();
        assertThat(names).anyMatch(n -> n.startsWith("Viktor")).anyMatch(n -> n.startsWith("Michelle"));
    }

    @Test
    void showsAlarmsSuggestionsAndTasksOnFirstStart() {
        List<String> alarms = jdbc().sql("select distinct code from case_alarm where cleared_on is null").query(String.class).list();
        assertThat(alarms).contains("WAIT_SERVICE", "NO_COORDINATOR", "TRANSITION_AT_18", "AGREEMENT_OVERDUE");
        assertThat(jdbc().sql("select count(*) from case_department where status = 'SUGGESTED'").query(Long.class).single()).isPositive();
        assertThat(demo.getBean(TaskService.class).createTaskQuery().count()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void createsTheUsersOfApiMd() {
        IdentityService identity = demo.getBean(IdentityService.class);
        for (String user : List.of("koordinator", "ungeteam", "virksomhed", "uu", "familie", "misbrug", "leder", "procesejer", "admin")) {
            assertThat(identity.checkPassword(user, user)).as(user).isTrue();
        }
        assertThat(identity.createUserQuery().memberOfGroup("youth-team").userId("ungeteam").count()).isEqualTo(1);
    }
}
