package dk.tvaers.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Effort;
import dk.tvaers.casefile.EffortType;
import dk.tvaers.casefile.Flag;
import dk.tvaers.rules.Alarm;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.support.Route;
import dk.tvaers.support.Sweep;
import dk.tvaers.support.TvaersTest;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@TvaersTest
class AlarmEvaluationTests {

    @Autowired Route route;
    @Autowired Sweep sweep;
    @Autowired CaseFiles caseFiles;
    @Autowired CaseEvaluation evaluation;
    @Autowired RuleEngine rules;
    @Autowired HistoryService history;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired AlarmSweep alarmSweep;
    @Autowired jakarta.persistence.EntityManagerFactory entityManagers;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        Route.resetClock();
    }

    @Test
    void theSweepRaisesTimeBasedAlarmsAsAJobOfTheEngine() {
        Route.today(LocalDate.of(2026, 2, 2));
        CaseFile caseFile = route.refer("Sweep Test", 30, Flag.DEBT);
        assertThat(evaluation.openAlarms(caseFile.id())).isEmpty();

        // Nothing changes on the case; only the days go by.
        Route.today(LocalDate.of(2026, 2, 2).plusDays(6));
        assertThat(evaluation.openAlarms(caseFile.id())).isEmpty();
        long sweepsBefore = history.createHistoricProcessInstanceQuery().processDefinitionKey("AlarmSweepProcess").count();
        sweep.run();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("AlarmSweepProcess").count()).isEqualTo(sweepsBefore + 1);
        assertThat(evaluation.openAlarms(caseFile.id())).extracting(CaseAlarm::code).containsExactly("NO_COORDINATOR");
    }

    @Test
    void theSweepGoesInBatchesAndACaseThatCannotBeEvaluatedLeavesTheOthersOfItsBatchEvaluated() {
        List<String> ids = referredOn(LocalDate.of(2026, 2, 2), AlarmSweep.BATCH + 5);
        String broken = ids.get(3);
        String stage = jdbc.queryForObject("select stage from case_file where id = ?", String.class, broken);
        jdbc.update("update case_file set stage = 'UKENDT' where id = ?", broken);
        try {
            Route.today(LocalDate.of(2026, 2, 2).plusDays(6));
            AlarmSweep.Result result = alarmSweep.sweepAll();
            assertThat(result.failed()).isEqualTo(1);
            assertThat(result.evaluated()).isGreaterThanOrEqualTo(ids.size());
            ids.stream().filter(id -> !id.equals(broken)).forEach(id ->
                    assertThat(evaluation.openAlarms(id)).as(id).extracting(CaseAlarm::code).containsExactly("NO_COORDINATOR"));
            assertThat(evaluation.openAlarms(broken)).isEmpty();
        } finally {
            jdbc.update("update case_file set stage = ? where id = ?", stage, broken);
        }
        assertThat(alarmSweep.sweepAll().failed()).isZero();
        assertThat(evaluation.openAlarms(broken)).extracting(CaseAlarm::code).containsExactly("NO_COORDINATOR");
    }

    @Test
    void theNightlySweepGivesEachBatchToTheEngineAsAJobOfItsOwnThatThreadsTakeSideBySide() {
        List<String> ids = referredOn(LocalDate.of(2026, 2, 2), AlarmSweep.BATCH + 1);
        Route.today(LocalDate.of(2026, 2, 2).plusDays(6));
        List<String> batches = alarmSweep.batches();
        assertThat(batches).hasSizeGreaterThanOrEqualTo(2);
        int executed = sweep.run(2);
        // One job per batch, then one per batch's end.
        assertThat(executed).isEqualTo(2 * batches.size());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AlarmSweepProcess").count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().activityId("Task_SweepAlarms").finished().count())
                .isGreaterThanOrEqualTo(batches.size());
        ids.forEach(id -> assertThat(evaluation.openAlarms(id)).as(id).extracting(CaseAlarm::code).containsExactly("NO_COORDINATOR"));
    }

    /** More cases than a batch holds, referred on a day (which stays today), each with no coordinator yet. */
    private List<String> referredOn(LocalDate day, int count) {
        Route.today(day);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(route.refer("Parti Test " + i, 30, Flag.DEBT).id());
        }
        return ids;
    }

    @Test
    void theBatchesCoverEveryPossibleCaseIdOnce() {
        List<String> batches = alarmSweep.batches();
        assertThat(batches).isNotEmpty();
        assertThat(batches.get(0)).startsWith("|");
        assertThat(batches.get(batches.size() - 1)).endsWith("|");
        for (int i = 1; i < batches.size(); i++) {
            assertThat(batches.get(i).substring(0, batches.get(i).indexOf('|')))
                    .isEqualTo(batches.get(i - 1).substring(batches.get(i - 1).indexOf('|') + 1));
        }
        int covered = batches.stream().mapToInt(batch -> caseFiles.activeCaseIds(batch.substring(0, batch.indexOf('|')),
                batch.endsWith("|") ? null : batch.substring(batch.indexOf('|') + 1)).size()).sum();
        assertThat(covered).isEqualTo(caseFiles.activeCaseIds().size());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> alarmSweep.sweepBatch("ikke et parti")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEvaluationThatFindsNothingNewWritesNothing() {
        Route.today(LocalDate.of(2026, 2, 2));
        String caseId = route.refer("Uændret Test", 30, Flag.DEBT, Flag.MENTAL_HEALTH, Flag.HOUSING).id();
        Route.today(LocalDate.of(2026, 2, 2).plusDays(20));
        evaluation.evaluate(caseId);
        assertThat(evaluation.openAlarms(caseId)).isNotEmpty();
        assertThat(caseFiles.find(caseId).orElseThrow().departments()).hasSizeGreaterThan(1);

        org.hibernate.stat.Statistics statistics = entityManagers.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            evaluation.evaluate(caseId);
            evaluation.evaluateAll(List.of(caseId));
            assertThat(statistics.getEntityInsertCount()).as("inserts").isZero();
            assertThat(statistics.getEntityUpdateCount()).as("updates").isZero();
            assertThat(statistics.getEntityDeleteCount()).as("deletes").isZero();
            assertThat(statistics.getCollectionRecreateCount() + statistics.getCollectionUpdateCount() + statistics.getCollectionRemoveCount())
                    .as("collections rewritten").isZero();
            assertThat(statistics.getEntityLoadCount()).as("the evaluation did read the case").isPositive();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    @Test
    void anAlarmClearsItselfWhenItsCauseIsGone() {
        Route.today(LocalDate.of(2026, 2, 9));
        CaseFile caseFile = route.refer("Ventetid Test", 24, Flag.SUBSTANCE_ABUSE);
        Effort treatment = caseFiles.recordEffort(caseFile.id(), EffortType.ADDICTION_TREATMENT, Department.ADDICTION,
                Route.today().minusDays(15), null, null, null);
        assertThat(evaluation.openAlarms(caseFile.id())).singleElement().satisfies(alarm -> {
            assertThat(alarm.code()).isEqualTo("WAIT_SERVICE");
            assertThat(alarm.severity()).isEqualTo("CRITICAL");
        });
        caseFiles.startEffort(caseFile.id(), treatment.id(), Route.today());
        assertThat(evaluation.openAlarms(caseFile.id())).isEmpty();
        assertThat(evaluation.allAlarms(caseFile.id())).singleElement().satisfies(alarm -> assertThat(alarm.clearedOn()).contains(Route.today()));
    }

    @Test
    void flagsReplacedChangeTheSuggestionsAtOnce() {
        Route.today(LocalDate.of(2026, 2, 16));
        CaseFile caseFile = route.refer("Markering Test", 30, Flag.HOUSING);
        assertThat(route.caseFile(caseFile.id()).department(Department.SOCIAL)).isPresent();
        caseFiles.replaceFlags(caseFile.id(), java.util.List.of(Flag.CRIMINAL_RECORD));
        CaseFile changed = route.caseFile(caseFile.id());
        assertThat(changed.department(Department.SOCIAL)).isEmpty();
        assertThat(changed.department(Department.PROBATION)).isPresent();
    }

    @Test
    void evaluatesAnyDateWithoutStoringAnything() {
        Route.today(LocalDate.of(2026, 3, 2));
        CaseFile caseFile = route.refer("Som af Test", 30, Flag.DEBT);
        var later = evaluation.evaluateAsOf(caseFile.id(), LocalDate.of(2026, 3, 2).plusDays(20), rules.active());
        assertThat(later.alarms()).extracting(Alarm::code).contains("NO_COORDINATOR", "WAIT_SPARRING", "SUGGESTION_UNANSWERED");
        assertThat(evaluation.openAlarms(caseFile.id())).isEmpty();
        var sameDay = evaluation.evaluateAsOf(caseFile.id(), LocalDate.of(2026, 3, 2), rules.active());
        assertThat(sameDay.alarms()).isEmpty();
    }
}
