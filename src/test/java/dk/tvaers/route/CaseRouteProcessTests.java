package dk.tvaers.route;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseStatus;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Dimension;
import dk.tvaers.casefile.EffortType;
import dk.tvaers.casefile.Flag;
import dk.tvaers.casefile.MeetingKind;
import dk.tvaers.casefile.Outcome;
import dk.tvaers.casefile.Participant;
import dk.tvaers.casefile.Stage;
import dk.tvaers.inbox.TaskForm;
import dk.tvaers.route.RouteProcess.CloseReason;
import dk.tvaers.route.RouteProcess.FollowUpOutcome;
import dk.tvaers.route.RouteProcess.InternshipResult;
import dk.tvaers.route.RouteProcess.NextStep;
import dk.tvaers.route.RouteProcess.SparringOutcome;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path through the default route, with the real delegates, case file and rules. */
@TvaersTest
class CaseRouteProcessTests {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    @Autowired Route route;
    @Autowired ProcessEngine engine;
    @Autowired HistoryService history;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        Route.today(START);
    }

    @AfterEach
    void resetClock() {
        Route.resetClock();
    }

    private CaseFile referredAndConsented() {
        CaseFile caseFile = route.refer("Test Borger", 20, Flag.MENTAL_HEALTH, Flag.NO_EDUCATION);
        route.complete(caseFile.id(), "koordinator",
                new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(Department.PSYCHIATRY, Department.UU), Route.today()));
        return caseFile;
    }

    private void sparring(String caseId, SparringOutcome outcome) {
        route.complete(caseId, "ungeteam", new TaskForm.YouthTeamSparring(outcome, Set.of(Department.PSYCHIATRY, Department.UU), "Drøftet"));
    }

    private void networkMeeting(String caseId, NextStep nextStep) {
        route.complete(caseId, "koordinator", new TaskForm.NetworkMeeting(Route.today(),
                List.of(new Participant(Participant.CITIZEN, null, "Test Borger"), new Participant(Participant.DEPARTMENT, Department.UU, "Vejleder")),
                List.of(new TaskForm.AgreementLine("Book vejledning", "uu", Route.today().plusDays(7))), nextStep));
    }

    private List<String> passedActivities(ProcessInstance instance) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    @Test
    void referralStartsTheRouteAtConsentWithTheCaseIdAsBusinessKey() {
        CaseFile caseFile = route.refer("Test Borger", 20, Flag.HOUSING);
        ProcessInstance instance = route.routeOf(caseFile.id());
        assertThat(instance.getBusinessKey()).isEqualTo(caseFile.id());
        BpmnAwareTests.assertThat(instance).isWaitingAt("registerConsent").hasPassed("Task_EvaluateReferral");
        assertThat(route.caseFile(caseFile.id()).stage()).isEqualTo(Stage.CONSENT);
        assertThat(route.caseFile(caseFile.id()).department(Department.SOCIAL)).isPresent();
    }

    @Test
    void walksTheFullRouteToAJob() {
        CaseFile caseFile = referredAndConsented();
        String id = caseFile.id();
        ProcessInstance main = route.routeOf(id);
        BpmnAwareTests.assertThat(main).isWaitingAt("youthTeamSparring");
        assertThat(route.caseFile(id).stage()).isEqualTo(Stage.SPARRING);

        sparring(id, SparringOutcome.INTERDISCIPLINARY);
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_NetworkMeeting");
        assertThat(route.caseFile(id).stage()).isEqualTo(Stage.NETWORK_MEETING);
        assertThat(route.caseFile(id).department(Department.UU).orElseThrow().status().name()).isEqualTo("INVOLVED");

        networkMeeting(id, NextStep.INTERNSHIP);
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_Internship");
        assertThat(route.caseFile(id).stage()).isEqualTo(Stage.INTERNSHIP);
        assertThat(route.caseFile(id).agreements()).singleElement().satisfies(a -> assertThat(a.owner()).isEqualTo("uu"));

        LocalDate startsOn = Route.today().plusDays(7);
        LocalDate endsOn = startsOn.plusDays(56);
        route.complete(id, "virksomhed", new TaskForm.FindInternship("Bageriet ApS", startsOn, endsOn));
        assertThat(route.caseFile(id).efforts()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EffortType.INTERNSHIP);
            assertThat(e.startedOn()).contains(startsOn);
        });
        route.complete(id, "virksomhed", new TaskForm.InternshipKickoff(startsOn));

        // The mid-way review comes after the configured duration (P14D), by the engine's clock.
        route.fireTimer(id, "Timer_MidwayReview");
        assertThat(Route.today()).isEqualTo(START.plusDays(14));
        route.complete(id, "virksomhed", new TaskForm.InternshipMidwayReview(Route.today(), "Går godt"));

        route.fireTimer(id, "Timer_InternshipEnds");
        assertThat(Route.today()).isEqualTo(endsOn);
        route.complete(id, "virksomhed", new TaskForm.EvaluateInternship(InternshipResult.JOB, 37));
        assertThat(route.caseFile(id).efforts().get(0).endedOn()).contains(endsOn);
        BpmnAwareTests.assertThat(main).isWaitingAt("Timer_FollowUpDue");
        assertThat(route.caseFile(id).stage()).isEqualTo(Stage.FOLLOW_UP);

        route.fireTimer(id, "Timer_FollowUpDue");
        assertThat(Route.today()).isEqualTo(endsOn.plusDays(28));
        route.complete(id, "koordinator", new TaskForm.FollowUp(
                Map.of(Dimension.DAILY_STRUCTURE, 7, Dimension.HEALTH, 6, Dimension.SOCIAL_NETWORK, 5, Dimension.MOTIVATION, 8, Dimension.WORK_READINESS, 9), FollowUpOutcome.CLOSE, CloseReason.JOB));

        BpmnAwareTests.assertThat(main).isEnded();
        assertThat(passedActivities(main)).containsSubsequence("StartEvent_CaseReferred", "Task_EvaluateReferral", "registerConsent",
                "youthTeamSparring", "CallActivity_NetworkMeeting", "CallActivity_Internship", "Timer_FollowUpDue", "followUp",
                "Task_CloseCase", "EndEvent_CaseClosed");
        CaseFile closed = route.caseFile(id);
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.stage()).isEqualTo(Stage.CLOSED);
        assertThat(closed.outcome()).contains(Outcome.JOB);
        assertThat(closed.progression()).hasSize(5);
        assertThat(closed.meetings()).extracting(m -> m.kind()).containsExactly(MeetingKind.YOUTH_TEAM_SPARRING, MeetingKind.NETWORK_MEETING,
                MeetingKind.INTERNSHIP_KICKOFF, MeetingKind.INTERNSHIP_MIDWAY, MeetingKind.INTERNSHIP_EVALUATION, MeetingKind.FOLLOW_UP);
    }

    @Test
    void leavesTheRouteAfterSparringForASingleDisciplineEffort() {
        String id = referredAndConsented().id();
        sparring(id, SparringOutcome.SINGLE_DISCIPLINE);
        BpmnAwareTests.assertThat(route.routeOf(id) == null ? historicMain(id) : route.routeOf(id)).isEnded()
                .hasPassed("Task_HandOverSingleDiscipline", "EndEvent_SingleDiscipline");
        assertThat(route.caseFile(id).outcome()).contains(Outcome.SINGLE_DISCIPLINE);
        assertThat(route.caseFile(id).stage()).isEqualTo(Stage.CLOSED);
    }

    @Test
    void closesTheCaseAtSparring() {
        String id = referredAndConsented().id();
        sparring(id, SparringOutcome.CLOSE);
        BpmnAwareTests.assertThat(historicMain(id)).isEnded().hasPassed("Task_CloseCaseAtSparring", "EndEvent_ClosedAtSparring");
        assertThat(route.caseFile(id).outcome()).contains(Outcome.OTHER);
    }

    @Test
    void carriesOnInTheJobcentreWhenTheCitizenRefusesConsent() {
        CaseFile caseFile = route.refer("Test Borger", 30, Flag.DEBT);
        route.complete(caseFile.id(), "koordinator", new TaskForm.RegisterConsent(false, null, Set.of(), null));
        BpmnAwareTests.assertThat(historicMain(caseFile.id())).isEnded().hasPassed("Task_HandOverNoConsent", "EndEvent_NoConsent");
        assertThat(route.caseFile(caseFile.id()).outcome()).contains(Outcome.NO_CONSENT);
        assertThat(route.caseFile(caseFile.id()).consents()).isEmpty();
    }

    @Test
    void loopsFromFollowUpBackToANewNetworkMeetingAndOnToClose() {
        String id = referredAndConsented().id();
        sparring(id, SparringOutcome.INTERDISCIPLINARY);
        networkMeeting(id, NextStep.FOLLOW_UP);
        ProcessInstance main = route.routeOf(id);
        BpmnAwareTests.assertThat(main).isWaitingAt("Timer_FollowUpDue");

        route.fireTimer(id, "Timer_FollowUpDue");
        route.complete(id, "koordinator", new TaskForm.FollowUp(Map.of(Dimension.MOTIVATION, 4), FollowUpOutcome.CONTINUE, null));
        BpmnAwareTests.assertThat(main).isWaitingAt("Timer_FollowUpDue");

        route.fireTimer(id, "Timer_FollowUpDue");
        route.complete(id, "koordinator", new TaskForm.FollowUp(Map.of(Dimension.MOTIVATION, 5), FollowUpOutcome.NEW_NETWORK_MEETING, null));
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_NetworkMeeting");
        assertThat(route.caseFile(id).stage()).isEqualTo(Stage.NETWORK_MEETING);

        networkMeeting(id, NextStep.FOLLOW_UP);
        route.fireTimer(id, "Timer_FollowUpDue");
        route.complete(id, "koordinator", new TaskForm.FollowUp(Map.of(Dimension.MOTIVATION, 8), FollowUpOutcome.CLOSE, CloseReason.EDUCATION));
        BpmnAwareTests.assertThat(main).isEnded();
        assertThat(route.caseFile(id).outcome()).contains(Outcome.EDUCATION);
        assertThat(route.caseFile(id).meetings().stream().filter(m -> m.kind() == MeetingKind.NETWORK_MEETING)).hasSize(2);
        assertThat(route.caseFile(id).progression()).extracting(p -> p.score()).containsExactly(4, 5, 8);
    }

    @Test
    void extendsAnInternshipUntilTheExtensionEnds() {
        String id = referredAndConsented().id();
        sparring(id, SparringOutcome.INTERDISCIPLINARY);
        networkMeeting(id, NextStep.INTERNSHIP);
        route.complete(id, "virksomhed", new TaskForm.FindInternship("Værkstedet", Route.today(), Route.today().plusDays(20)));
        route.complete(id, "virksomhed", new TaskForm.InternshipKickoff(Route.today()));
        route.fireTimer(id, "Timer_MidwayReview");
        route.complete(id, "virksomhed", new TaskForm.InternshipMidwayReview(Route.today(), null));
        route.fireTimer(id, "Timer_InternshipEnds");
        route.complete(id, "virksomhed", new TaskForm.EvaluateInternship(InternshipResult.EXTEND, 15));
        assertThat(route.openTasks(id)).isEmpty();

        LocalDate extendedFrom = Route.today();
        route.fireTimer(id, "Timer_ExtensionEnds");
        assertThat(Route.today()).isEqualTo(extendedFrom.plusDays(28));
        route.complete(id, "virksomhed", new TaskForm.EvaluateInternship(InternshipResult.ORDINARY_HOURS, 20));
        BpmnAwareTests.assertThat(route.routeOf(id)).isWaitingAt("Timer_FollowUpDue");
        assertThat(route.caseFile(id).efforts().get(0).endedOn()).contains(Route.today());
    }

    @Test
    void sparringIsDueAtTheNextYouthTeamMeetingAndMovesOnWhenNotReached() {
        String id = referredAndConsented().id();
        var task = route.task(id, "youthTeamSparring");
        // 2026-03-02 is a Monday; the team meets every 14 days from Tuesday 2026-01-06 at 09:00.
        assertThat(task.getDueDate().toInstant().atZone(ZoneId.of("Europe/Copenhagen")).toLocalDateTime())
                .isEqualTo(LocalDate.of(2026, 3, 3).atTime(9, 0));

        route.fireTimer(id, "BoundaryEvent_SparringMissed");
        assertThat(Route.today()).isEqualTo(LocalDate.of(2026, 3, 4));
        var moved = route.task(id, "youthTeamSparring");
        assertThat(moved.getId()).isEqualTo(task.getId());
        assertThat(moved.getDueDate().toInstant().atZone(ZoneId.of("Europe/Copenhagen")).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(route.caseFile(id).stage()).isEqualTo(Stage.SPARRING);

        // The cycle goes on: not reached again, moved again.
        route.fireTimer(id, "BoundaryEvent_SparringMissed");
        assertThat(Route.today()).isEqualTo(LocalDate.of(2026, 3, 18));
        assertThat(route.task(id, "youthTeamSparring").getDueDate().toInstant().atZone(ZoneId.of("Europe/Copenhagen")).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 3, 31));
    }

    private ProcessInstance historicMain(String caseId) {
        var historic = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(RouteProcess.CASE_ROUTE).singleResult();
        return new HistoricProcessInstanceView(historic.getId(), historic.getProcessDefinitionId(), caseId);
    }

    /** camunda-bpm-assert takes a ProcessInstance; an ended one is only in the history. */
    private record HistoricProcessInstanceView(String id, String definitionId, String businessKey) implements ProcessInstance {
        public String getId() { return id; }
        public String getProcessInstanceId() { return id; }
        public String getProcessDefinitionId() { return definitionId; }
        public String getBusinessKey() { return businessKey; }
        public String getCaseInstanceId() { return null; }
        public boolean isSuspended() { return false; }
        public boolean isEnded() { return true; }
        public String getRootProcessInstanceId() { return id; }
        public String getTenantId() { return null; }
        public String getProcessDefinitionKey() { return RouteProcess.CASE_ROUTE; }
    }
}
