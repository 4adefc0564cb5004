package dk.tvaers.route;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Flag;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The route's schedule read in bulk agrees with the engine's own queries, case by case. */
@TvaersTest
class RouteScheduleTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    @Autowired Route route;
    @Autowired RouteSchedule schedule;
    @Autowired CaseFiles caseFiles;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    @AfterEach
    void resetClock() {
        Route.resetClock();
    }

    @Test
    void theNextStepsOfManyCasesAreWhatTheEnginesQueriesGiveForEachCase() {
        Route.today(LocalDate.of(2026, 3, 2));
        // Cases of their own beside those the other tests left: tasks with deadlines, and timers once the route waits.
        for (int i = 0; i < 3; i++) {
            route.refer("Skema Test " + i, 20 + i, Flag.NO_EDUCATION);
        }
        List<String> caseIds = caseFiles.activeCaseIds();
        for (LocalDate from : List.of(Route.today(), Route.today().plusDays(6), Route.today().plusYears(5))) {
            Map<String, LocalDate> expected = new HashMap<>();
            for (String caseId : caseIds) {
                byTheEnginesQueries(caseId, from).ifPresent(date -> expected.put(caseId, date));
            }
            assertThat(schedule.nextScheduledSteps(caseIds, from)).as("from %s", from).isEqualTo(expected);
            caseIds.forEach(id -> assertThat(schedule.nextScheduledStep(id, from)).isEqualTo(java.util.Optional.ofNullable(expected.get(id))));
        }
        assertThat(schedule.nextScheduledSteps(caseIds, Route.today())).hasSizeGreaterThanOrEqualTo(3);
        assertThat(schedule.nextScheduledSteps(caseIds, Route.today().plusYears(5))).isEmpty();
        assertThat(schedule.nextScheduledSteps(List.of(), Route.today())).isEmpty();
    }

    /** The engine's API: the tasks of the case's instances and the timers of each instance, the earliest due on or after the day. */
    private java.util.Optional<LocalDate> byTheEnginesQueries(String caseId, LocalDate from) {
        List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(pi -> pi.getId()).toList();
        Stream<Date> taskDues = tasks.createTaskQuery().processInstanceBusinessKey(caseId).list().stream().map(Task::getDueDate);
        Stream<Date> timerDues = instances.stream()
                .flatMap(id -> management.createJobQuery().timers().processInstanceId(id).list().stream()).map(Job::getDuedate);
        return Stream.concat(taskDues, timerDues).filter(Objects::nonNull)
                .map(date -> date.toInstant().atZone(ZONE).toLocalDate())
                .filter(date -> !date.isBefore(from))
                .min(Comparator.naturalOrder());
    }
}
