package dk.tvaers.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Dimension;
import dk.tvaers.casefile.EffortType;
import dk.tvaers.casefile.Outcome;
import dk.tvaers.casefile.Stage;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.web.Texts;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every figure of {@link Statistics} against a fixture computed by hand: thirteen cases at known stages,
 * with known stays, efforts, meetings, agreements, alarms, departments, outcomes and scores. The fixture is
 * written into a transaction that first empties the case tables and is rolled back at the end, so the
 * figures are exactly the fixture's on whatever the shared test database holds (H2, or PostgreSQL with
 * the postgres profile). T is today; the period is T-89 to T.
 */
@TvaersTest
class StatisticsTests {

    @Autowired Statistics statistics;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;
    @Autowired ObjectMapper json;
    @Autowired CaseFiles caseFiles;
    @Autowired Route route;

    private LocalDate t;

    @Test
    void everyFigureIsTheFixturesHandComputedOne() {
        inFixture(() -> {
            Statistics.Report r = statistics.report(new Period(t.minusDays(89), t, null));

            // Now: A1..A5 in sparring, A6 in consent.
            assertThat(r.activeCases()).isEqualTo(Count.of(6));
            assertThat(r.casesByStage()).containsEntry(Stage.SPARRING, Count.of(5)).containsEntry(Stage.CONSENT, Count.of(1))
                    .containsEntry(Stage.REFERRAL, Count.of(0)).containsEntry(Stage.FOLLOW_UP, Count.of(0)).doesNotContainKey(Stage.CLOSED);
            assertThat(r.casesByStage().get(Stage.CONSENT).shown()).isEqualTo("<5");

            // Stays that ended in the period (O1's ended before it). Referral: A1..A5 1,2,3,4,10, A6 5, C1..C6 1 each:
            // sorted 1×7,2,3,4,5,10 → median 1, p90 at 9.9 → 4 + 0.9 × (5 − 4) = 4.9.
            assertThat(r.waitingDaysByStage().get(Stage.REFERRAL)).isEqualTo(new Statistics.Days(1.0, 4.9, Count.of(12)));
            // Consent: A1..A5 10,9,8,7,1 and C1..C6 4 each: 1,4×6,7,8,9,10 → median 4, p90 at 9.0 → 9. A6 is still there.
            assertThat(r.waitingDaysByStage().get(Stage.CONSENT)).isEqualTo(new Statistics.Days(4.0, 9.0, Count.of(11)));
            assertThat(r.waitingDaysByStage().get(Stage.SPARRING)).isEqualTo(new Statistics.Days(5.0, 5.0, Count.of(6)));
            assertThat(r.waitingDaysByStage().get(Stage.NETWORK_MEETING)).isEqualTo(new Statistics.Days(30.0, 30.0, Count.of(6)));
            assertThat(r.waitingDaysByStage().get(Stage.FOLLOW_UP)).isEqualTo(new Statistics.Days(30.0, 30.0, Count.of(6)));
            assertThat(r.waitingDaysByStage().get(Stage.INTERNSHIP)).isEqualTo(new Statistics.Days(null, null, Count.of(0)));

            // Efforts started in the period: psychologist 10,20,30,40,100 → median 30, p90 at 3.6 → 40 + 0.6 × 60 = 76;
            // housing support for 3 cases: "<5" and no figures; the internships 5 days each; the mentor has not started.
            assertThat(r.waitingDaysByEffort().get(EffortType.PSYCHOLOGIST)).isEqualTo(new Statistics.Days(30.0, 76.0, Count.of(5)));
            assertThat(r.waitingDaysByEffort().get(EffortType.HOUSING_SUPPORT)).isEqualTo(new Statistics.Days(null, null, Count.of(3)));
            assertThat(r.waitingDaysByEffort().get(EffortType.INTERNSHIP)).isEqualTo(new Statistics.Days(5.0, 5.0, Count.of(5)));
            assertThat(r.waitingDaysByEffort().get(EffortType.MENTOR).n()).isEqualTo(Count.of(0));

            // Open alarms on active cases: the gap on A1..A5, waiting for sparring on A6 (A1's was cleared; C1's is on a closed case).
            assertThat(r.openAlarmsByCode()).containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.of(
                    "GAP_NO_ACTIVE_EFFORT", Count.of(5), "WAIT_SPARRING", Count.of(1))));

            // Weeks: every ISO week of the period, raised and cleared on the days they were.
            Set<String> weeks = new LinkedHashSet<>();
            for (LocalDate day = t.minusDays(89); !day.isAfter(t); day = day.plusDays(1)) {
                weeks.add(Statistics.isoWeek(day));
            }
            assertThat(r.alarmsByWeek()).extracting(Statistics.Week::week).containsExactlyElementsOf(weeks);
            assertThat(week(r, t.minusDays(14)).raised()).containsEntry("GAP_NO_ACTIVE_EFFORT", Count.of(5));
            assertThat(week(r, t.minusDays(45)).raised()).containsEntry("WAIT_SPARRING", Count.of(2));
            assertThat(week(r, t.minusDays(40)).cleared()).containsEntry("WAIT_SPARRING", Count.of(1));
            assertThat(week(r, t.minusDays(20)).raised()).containsEntry("AGREEMENT_OVERDUE", Count.of(1));
            assertThat(r.alarmsByWeek().stream().mapToLong(w -> w.raised().values().stream().mapToLong(Count::value).sum()).sum()).isEqualTo(8);

            // Departments: A1 4, A2 3, A3..A5 2, A6 1, C1..C6 2 (O1 is not of the period; A6's suggested UU does not count).
            assertThat(r.departmentsPerCase()).containsExactly(java.util.Map.entry("1", Count.of(1)), java.util.Map.entry("2", Count.of(9)),
                    java.util.Map.entry("3", Count.of(1)), java.util.Map.entry("4+", Count.of(1)));
            assertThat(r.involvementByDepartment()).containsEntry(Department.JOBCENTER, Count.of(12)).containsEntry(Department.HEALTH, Count.of(5))
                    .containsEntry(Department.EMPLOYER, Count.of(6)).containsEntry(Department.SOCIAL, Count.of(2))
                    .containsEntry(Department.UU, Count.of(1)).containsEntry(Department.FAMILY, Count.of(0));

            // Outcomes of the cases closed in the period (O1's is older).
            assertThat(r.outcomes()).containsEntry(Outcome.JOB, Count.of(5)).containsEntry(Outcome.EDUCATION, Count.of(1))
                    .containsEntry(Outcome.OTHER, Count.of(0));

            // Progression: C1..C5 scored twice on daily structure (first 2..6, latest 5..9; C1's first before the period),
            // C6 once; health for three cases only; O1's scores are all before the period.
            assertThat(r.progression().get(Dimension.DAILY_STRUCTURE)).isEqualTo(new Statistics.Scores(4.0, 7.0, Count.of(5)));
            assertThat(r.progression().get(Dimension.HEALTH)).isEqualTo(new Statistics.Scores(null, null, Count.of(3)));
            assertThat(r.progression().get(Dimension.MOTIVATION).n()).isEqualTo(Count.of(0));

            Statistics.KeyFigures k = r.keyFigures();
            assertThat(k.interdisciplinary()).isEqualTo(new Statistics.Share(Count.of(11), Count.of(12), 91.7));
            // First sparring: C1..C5 10 days after referral, C6 20 (C1's second sparring and O1's do not count).
            assertThat(k.daysToYouthTeam()).isEqualTo(new Statistics.Days(10.0, 15.0, Count.of(6)));
            assertThat(k.daysToNetworkMeeting()).isEqualTo(new Statistics.Days(40.0, 40.0, Count.of(6)));
            assertThat(k.daysToFirstInternship()).isEqualTo(new Statistics.Days(50.0, 50.0, Count.of(5)));
            assertThat(k.openGapAlarm()).isEqualTo(new Statistics.Share(Count.of(5), Count.of(6), 83.3));
            // C1, C3, C4, C5, C6 kept every agreement by its deadline; C2 did one late.
            assertThat(k.agreementsKept()).isEqualTo(new Statistics.Share(Count.of(5), Count.of(6), 83.3));
            assertThat(k.closedCases()).isEqualTo(Count.of(6));
            assertThat(k.outcomesPer100()).containsEntry(Outcome.JOB, 83.3).containsEntry(Outcome.EDUCATION, null).containsEntry(Outcome.OTHER, 0.0);
        });
    }

    @Test
    void theDashboardsFiguresAreKeptFiveMinutesThenComputedAgain() {
        inFixture(() -> {
            RecentFigures dashboard = new RecentFigures(statistics, clock, java.time.Duration.ofMinutes(5));
            Period period = new Period(t.minusDays(89), t, null);
            RecentFigures.Computed first = dashboard.report(period);
            assertThat(first.report().activeCases()).isEqualTo(Count.of(6));
            caseFile("A7", 3, "ACTIVE", Stage.REFERRAL, null, null);
            try {
                assertThat(dashboard.report(period)).isSameAs(first);
                assertThat(statistics.report(period).activeCases()).as("the API computes afresh").isEqualTo(Count.of(7));
                org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(clock.instant().plus(java.time.Duration.ofMinutes(6))));
                RecentFigures.Computed later = dashboard.report(period);
                assertThat(later.report().activeCases()).isEqualTo(Count.of(7));
                assertThat(later.at()).isAfter(first.at());
            } finally {
                Route.resetClock();
            }
        });
    }

    @Test
    void theComparisonHasTheFiguresAPeriodIsComparedOnAndLeavesTheRestEmpty() {
        inFixture(() -> {
            Period period = new Period(t.minusDays(89), t, null);
            Statistics.Report full = statistics.report(period);
            Statistics.Report comparison = statistics.comparison(period);
            assertThat(comparison.waitingDaysByStage()).isEqualTo(full.waitingDaysByStage());
            assertThat(comparison.waitingDaysByEffort()).isEqualTo(full.waitingDaysByEffort());
            assertThat(comparison.departmentsPerCase()).isEqualTo(full.departmentsPerCase());
            assertThat(comparison.outcomes()).isEqualTo(full.outcomes());
            assertThat(comparison.keyFigures()).usingRecursiveComparison().ignoringFields("openGapAlarm").isEqualTo(full.keyFigures());
            assertThat(comparison.alarmsByWeek()).isEmpty();
            assertThat(comparison.openAlarmsByCode()).isEmpty();
            assertThat(comparison.progression().values()).allMatch(scores -> scores.n().value() == 0);
            assertThat(comparison.involvementByDepartment().values()).allMatch(n -> n.value() == 0);
        });
    }

    @Test
    void aDepartmentLimitsEveryFigureToTheCasesItTakesPartIn() {
        inFixture(() -> {
            Statistics.Report r = statistics.report(new Period(t.minusDays(89), t, Department.HEALTH));
            assertThat(r.department()).isEqualTo(Department.HEALTH);
            assertThat(r.activeCases()).isEqualTo(Count.of(5));
            assertThat(r.casesByStage()).containsEntry(Stage.SPARRING, Count.of(5)).containsEntry(Stage.CONSENT, Count.of(0));
            assertThat(r.involvementByDepartment()).containsEntry(Department.HEALTH, Count.of(5)).containsEntry(Department.EMPLOYER, Count.of(0));
            assertThat(r.outcomes().values()).allMatch(n -> n.value() == 0);
            assertThat(r.waitingDaysByEffort().get(EffortType.PSYCHOLOGIST).n()).isEqualTo(Count.of(5));
            assertThat(r.waitingDaysByStage().get(Stage.REFERRAL)).isEqualTo(new Statistics.Days(3.0, 7.6, Count.of(5)));
            assertThat(r.openAlarmsByCode()).containsOnlyKeys("GAP_NO_ACTIVE_EFFORT");
            assertThat(r.keyFigures().openGapAlarm().percent()).isEqualTo(100.0);
        });
    }

    @Test
    void aCellOfThreeIsAnsweredAsLessThanFiveAndNoFigureRestsOnIt() {
        inFixture(() -> {
            Statistics.Report r = statistics.report(new Period(t.minusDays(89), t, null));
            JsonNode answer = json.valueToTree(r);
            assertThat(answer.at("/waitingDaysByEffort/HOUSING_SUPPORT/n").asText()).isEqualTo("<5");
            assertThat(answer.at("/waitingDaysByEffort/HOUSING_SUPPORT/median").isNull()).isTrue();
            assertThat(answer.at("/involvementByDepartment/SOCIAL").asText()).isEqualTo("<5");
            assertThat(answer.at("/involvementByDepartment/FAMILY").isIntegralNumber()).isTrue();
            assertThat(answer.at("/outcomes/JOB").asInt()).isEqualTo(5);
            assertThat(answer.at("/progression/HEALTH/first").isNull()).isTrue();
            // No count anywhere in the answer is from 1 to 4.
            List<JsonNode> numbers = new java.util.ArrayList<>();
            collect(answer, numbers::add);
            assertThat(numbers).isNotEmpty().noneMatch(n -> n.isIntegralNumber() && n.asLong() > 0 && n.asLong() < 5);

            String csv = StatsCsv.of(r, Texts.DANISH);
            assertThat(csv).startsWith("figure;key;measure;value;label\n")
                    .contains("activeCases;;count;6;Aktive sager lige nu\n")
                    .contains("casesByStage;CONSENT;count;<5;Samtykke\n")
                    .contains("waitingDaysByStage;REFERRAL;p90;4,9;Henvisning\n")
                    .contains("waitingDaysByEffort;HOUSING_SUPPORT;median;;Bostøtte\n")
                    .contains("keyFigures.interdisciplinary;;percent;91,7;Tværfaglige sager\n")
                    .contains("alarmsByWeek;" + Statistics.isoWeek(t.minusDays(14)) + " GAP_NO_ACTIVE_EFFORT;raised;5;Hul i forløbet\n");
        });
    }

    private static void collect(JsonNode node, Consumer<JsonNode> into) {
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(child -> collect(child, into));
            // Dates and the period are text; the only numbers are counts, days, scores and percentages.
        } else if (node.isNumber() && !node.isFloatingPointNumber()) {
            into.accept(node);
        }
    }

    private static Statistics.Week week(Statistics.Report r, LocalDate day) {
        return r.alarmsByWeek().stream().filter(w -> w.week().equals(Statistics.isoWeek(day))).findFirst().orElseThrow();
    }

    /** The fixture in a transaction of its own that starts from empty case tables and is rolled back. */
    private void inFixture(Runnable check) {
        t = LocalDate.now(clock);
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            for (String table : List.of("invitation_participant", "meeting_invitation", "mail_outbox", "case_department_reason", "case_department",
                    "consent_department", "consent", "meeting_participant", "agreement", "meeting", "effort", "progression", "case_event",
                    "case_alarm", "case_flag", "stage_stay", "case_file")) {
                jdbc.update("delete from " + table);
            }
            seed();
            // The stays in each stage from the journey's stage lines, as the migration gives them to the cases it finds.
            jdbc.update(backfill());
            check.run();
        });
    }

    /** V11's statement that gives existing cases their stays from their journeys. */
    private static String backfill() {
        try (var in = StatisticsTests.class.getResourceAsStream("/db/migration/common/V11__stage_stays.sql")) {
            String migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int start = migration.indexOf("insert into stage_stay");
            return migration.substring(start, migration.indexOf(';', start));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theCaseFileRecordsEveryStayAsTheCaseMovesOn() {
        String id = route.refer("Ophold Trin", 20).id();
        caseFiles.moveTo(id, Stage.CONSENT);
        caseFiles.moveTo(id, Stage.CONSENT);
        caseFiles.moveTo(id, Stage.SPARRING);
        assertThat(jdbc.queryForList("select stage, entered_on, left_on from stage_stay where case_id = ? order by id", id))
                .extracting(r -> r.get("stage"), r -> String.valueOf(r.get("left_on")))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REFERRAL", Route.today().toString()),
                        org.assertj.core.groups.Tuple.tuple("CONSENT", Route.today().toString()), org.assertj.core.groups.Tuple.tuple("SPARRING", "null"));
        caseFiles.close(id, Outcome.EDUCATION);
        assertThat(jdbc.queryForList("select left_on from stage_stay where case_id = ?", java.sql.Date.class, id))
                .extracting(String::valueOf).containsOnly(Route.today().toString());
        assertThat(jdbc.queryForObject("select count(*) from stage_stay where case_id = ?", Integer.class, id)).isEqualTo(3);
    }

    private void seed() {
        // A1..A5: referred T-60, consent after 1, 2, 3, 4 and 10 days, all in sparring from T-49.
        int[] referralDays = {1, 2, 3, 4, 10};
        for (int i = 0; i < 5; i++) {
            String id = "A" + (i + 1);
            caseFile(id, 60, "ACTIVE", Stage.SPARRING, null, null);
            event(id, 60, "REFERRED", "JOBCENTER");
            event(id, 60 - referralDays[i], "STAGE", "CONSENT");
            event(id, 49, "STAGE", "SPARRING");
            department(id, "JOBCENTER", "INVOLVED");
            department(id, "HEALTH", "INVOLVED");
            alarm(id, "GAP_NO_ACTIVE_EFFORT", 14, null);
        }
        department("A1", "SOCIAL", "INVOLVED");
        department("A2", "SOCIAL", "INVOLVED");
        department("A1", "UU", "INVOLVED");
        alarm("A1", "WAIT_SPARRING", 45, 40);
        int[] psychologistWaits = {10, 20, 30, 40, 100};
        for (int i = 0; i < 5; i++) {
            effort("A" + (i + 1), "PSYCHOLOGIST", "HEALTH", 20 + psychologistWaits[i], 20);
        }
        for (int i = 0; i < 3; i++) {
            effort("A" + (i + 1), "HOUSING_SUPPORT", "SOCIAL", 30 + 5 + i, 30);
        }
        effort("A4", "MENTOR", "JOBCENTER", 30, null);

        // A6: referred T-60, in consent from T-55; only the jobcentre involved, UU suggested.
        caseFile("A6", 60, "ACTIVE", Stage.CONSENT, null, null);
        event("A6", 60, "REFERRED", "JOBCENTER");
        event("A6", 55, "STAGE", "CONSENT");
        department("A6", "JOBCENTER", "INVOLVED");
        department("A6", "UU", "SUGGESTED");
        alarm("A6", "WAIT_SPARRING", 45, null);

        // C1..C6: referred T-80, the whole route, closed T-10: five to a job, one to education.
        for (int i = 0; i < 6; i++) {
            String id = "C" + (i + 1);
            caseFile(id, 80, "CLOSED", Stage.CLOSED, i < 5 ? "JOB" : "EDUCATION", 10);
            event(id, 80, "REFERRED", "JOBCENTER");
            event(id, 79, "STAGE", "CONSENT");
            event(id, 75, "STAGE", "SPARRING");
            event(id, 70, "STAGE", "NETWORK_MEETING");
            event(id, 40, "STAGE", "FOLLOW_UP");
            event(id, 10, "STAGE", "CLOSED");
            event(id, 10, "CLOSED", i < 5 ? "JOB" : "EDUCATION");
            department(id, "JOBCENTER", "INVOLVED");
            department(id, "EMPLOYER", "INVOLVED");
            meeting(id, "YOUTH_TEAM_SPARRING", i < 5 ? 70 : 60);
            long network = meeting(id, "NETWORK_MEETING", 40);
            if (i < 5) {
                effort(id, "INTERNSHIP", "EMPLOYER", 35, 30);
            }
            switch (id) {
                case "C1" -> {
                    agreement(id, network, 30, 31);
                    agreement(id, network, 30, 30);
                }
                case "C2" -> agreement(id, network, 30, 25);
                case "C6" -> agreement(id, network, 20, 21);
                default -> agreement(id, network, 30, 35);
            }
            if (i < 5) {
                progression(id, i == 0 ? 100 : 60, "DAILY_STRUCTURE", 2 + i);
                progression(id, 20, "DAILY_STRUCTURE", 5 + i);
            } else {
                progression(id, 20, "DAILY_STRUCTURE", 6);
            }
            if (i < 3) {
                progression(id, 60, "HEALTH", 3);
                progression(id, 20, "HEALTH", 6);
            }
        }
        meeting("C1", "YOUTH_TEAM_SPARRING", 50);
        alarm("C1", "AGREEMENT_OVERDUE", 20, null);

        // O1: referred T-300, closed T-200: outside the period in every figure.
        caseFile("O1", 300, "CLOSED", Stage.CLOSED, "OTHER", 200);
        event("O1", 300, "REFERRED", "JOBCENTER");
        event("O1", 290, "STAGE", "CONSENT");
        event("O1", 200, "CLOSED", "OTHER");
        department("O1", "JOBCENTER", "INVOLVED");
        meeting("O1", "YOUTH_TEAM_SPARRING", 280);
        effort("O1", "PSYCHOLOGIST", "HEALTH", 280, 250);
        progression("O1", 280, "DAILY_STRUCTURE", 2);
        progression("O1", 250, "DAILY_STRUCTURE", 8);
    }

    private Date daysAgo(int days) {
        return Date.valueOf(t.minusDays(days));
    }

    private void caseFile(String id, int referredDaysAgo, String status, Stage stage, String outcome, Integer closedDaysAgo) {
        jdbc.update("insert into case_file (id, external_ref, referral_digest, citizen_name, cpr, birth_date, referred_by, referral_date, "
                        + "status, stage, stage_since, outcome, closed_on, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                id, "STATS-" + id, "digest-" + id, "Fixture " + id, "0101001234", Date.valueOf(LocalDate.of(2000, 1, 1)), "JOBCENTER",
                daysAgo(referredDaysAgo), status, stage.name(), daysAgo(referredDaysAgo), outcome,
                closedDaysAgo == null ? null : daysAgo(closedDaysAgo), Timestamp.from(Instant.now()));
    }

    private void event(String caseId, int daysAgo, String type, String subject) {
        jdbc.update("insert into case_event (case_id, occurred_on, recorded_at, event_type, subject) values (?, ?, ?, ?, ?)",
                caseId, daysAgo(daysAgo), Timestamp.from(Instant.now()), type, subject);
    }

    private void department(String caseId, String department, String status) {
        jdbc.update("insert into case_department (case_id, department, status) values (?, ?, ?)", caseId, department, status);
    }

    private void effort(String caseId, String type, String department, int requestedDaysAgo, Integer startedDaysAgo) {
        jdbc.update("insert into effort (case_id, effort_type, department, requested_on, started_on) values (?, ?, ?, ?, ?)",
                caseId, type, department, daysAgo(requestedDaysAgo), startedDaysAgo == null ? null : daysAgo(startedDaysAgo));
    }

    private long meeting(String caseId, String kind, int heldDaysAgo) {
        jdbc.update("insert into meeting (case_id, kind, held_on) values (?, ?, ?)", caseId, kind, daysAgo(heldDaysAgo));
        return jdbc.queryForObject("select max(id) from meeting where case_id = ? and kind = ?", Long.class, caseId, kind);
    }

    private void agreement(String caseId, long meetingId, int dueDaysAgo, Integer doneDaysAgo) {
        jdbc.update("insert into agreement (case_id, meeting_id, text, owner, due, done_on) values (?, ?, ?, ?, ?, ?)",
                caseId, meetingId, "Aftale", "Koordinator", daysAgo(dueDaysAgo), doneDaysAgo == null ? null : daysAgo(doneDaysAgo));
    }

    private void progression(String caseId, int daysAgo, String dimension, int score) {
        jdbc.update("insert into progression (case_id, recorded_on, dimension, score) values (?, ?, ?, ?)", caseId, daysAgo(daysAgo), dimension, score);
    }

    private void alarm(String caseId, String code, int raisedDaysAgo, Integer clearedDaysAgo) {
        jdbc.update("insert into case_alarm (case_id, code, subject, severity, since, rule_name, text, raised_on, cleared_on) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", caseId, code, code, "WARNING", daysAgo(raisedDaysAgo), "fixture", "Alarm",
                daysAgo(raisedDaysAgo), clearedDaysAgo == null ? null : daysAgo(clearedDaysAgo));
    }
}
