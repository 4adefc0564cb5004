package dk.tvaers.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.alarms.CaseAlarm;
import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.DepartmentInvolvement;
import dk.tvaers.casefile.Dimension;
import dk.tvaers.casefile.Effort;
import dk.tvaers.casefile.EffortType;
import dk.tvaers.casefile.Flag;
import dk.tvaers.casefile.InvolvementStatus;
import dk.tvaers.casefile.JourneyEntry;
import dk.tvaers.caseview.JourneyTexts;
import dk.tvaers.web.Texts;
import java.util.Locale;
import org.springframework.context.MessageSource;
import dk.tvaers.casefile.Outcome;
import dk.tvaers.casefile.Participant;
import dk.tvaers.casefile.Referral;
import dk.tvaers.casefile.Stage;
import dk.tvaers.inbox.TaskForm;
import dk.tvaers.route.RouteProcess.CloseReason;
import dk.tvaers.route.RouteProcess.FollowUpOutcome;
import dk.tvaers.route.RouteProcess.InternshipResult;
import dk.tvaers.route.RouteProcess.NextStep;
import dk.tvaers.route.RouteProcess.SparringOutcome;
import dk.tvaers.support.Route;
import dk.tvaers.support.Sweep;
import dk.tvaers.support.TvaersTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two personas, Viktor (19) and Michelle (23), walk the whole route with the suggestions and alarms it expects (docs/coordinator.md). */
@TvaersTest
class PersonaRouteTests {

    @Autowired Route route;
    @Autowired Sweep sweep;
    @Autowired CaseFiles caseFiles;
    @Autowired MessageSource messages;
    @Autowired CaseEvaluation evaluation;

    @AfterEach
    void resetClock() {
        Route.resetClock();
    }

    private List<String> openAlarmCodes(String caseId) {
        return evaluation.openAlarms(caseId).stream().map(CaseAlarm::code).sorted().toList();
    }

    private static List<Department> suggested(CaseFile caseFile) {
        return caseFile.departments().stream().filter(d -> d.status() == InvolvementStatus.SUGGESTED)
                .map(DepartmentInvolvement::department).sorted().toList();
    }

    @Test
    void viktorGetsOneCoordinatedRouteAndHisWaitForAPsychologistIsSeen() {
        LocalDate referred = LocalDate.of(2026, 4, 13);
        Route.today(referred);
        String cpr = Route.cprForAge(19);
        CaseFile viktor = caseFiles.refer(new Referral("VIKTOR-" + System.nanoTime(), "Viktor Test", cpr, Department.JOBCENTER, referred,
                Set.of(Flag.MENTAL_HEALTH, Flag.NO_EDUCATION, Flag.SOCIAL_ISOLATION), "Moderat depression i behandling", null)).caseFile();
        String id = viktor.id();

        // The referral alone: psychiatry, health, UU and social are suggested, each with its reason.
        CaseFile referredCase = route.caseFile(id);
        assertThat(suggested(referredCase)).containsExactly(Department.UU, Department.SOCIAL, Department.PSYCHIATRY, Department.HEALTH);
        assertThat(referredCase.department(Department.PSYCHIATRY).orElseThrow().reasons())
                .singleElement().satisfies(r -> assertThat(r.rule()).isEqualTo("mental-health-suggests-psychiatry"));
        assertThat(referredCase.department(Department.JOBCENTER).orElseThrow().status()).isEqualTo(InvolvementStatus.INVOLVED);
        assertThat(referredCase.ageOn(referred)).isEqualTo(19);
        assertThat(referredCase.cprMasked()).isEqualTo(cpr.substring(0, 6) + "-****");

        // He has waited five months for a psychologist: recorded, it raises WAIT_SERVICE at once.
        Effort psychologist = caseFiles.recordEffort(id, EffortType.PSYCHOLOGIST, Department.HEALTH, referred.minusDays(152), null, null, "Henvist af egen læge");
        assertThat(evaluation.openAlarms(id)).singleElement().satisfies(alarm -> {
            assertThat(alarm.code()).isEqualTo("WAIT_SERVICE");
            assertThat(alarm.rule()).isEqualTo("requested-effort-waits-to-start");
            assertThat(alarm.text()).isEqualTo("Venter på psykologsamtaler i 152 dage; grænsen er 30");
            assertThat(alarm.since()).isEqualTo(referred.minusDays(152).plusDays(31));
        });
        caseFiles.recordEffort(id, EffortType.HOUSING_SUPPORT, Department.SOCIAL, referred.minusDays(200), referred.minusDays(180), null, null);

        Route.today(referred.plusDays(2));
        route.complete(id, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN,
                Set.of(Department.PSYCHIATRY, Department.HEALTH, Department.UU, Department.SOCIAL), Route.today()));
        assertThat(route.caseFile(id).coordinator()).contains("koordinator");

        Route.today(referred.plusDays(8));
        route.complete(id, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.INTERDISCIPLINARY,
                Set.of(Department.PSYCHIATRY, Department.HEALTH, Department.UU, Department.SOCIAL), "Én plan; psykologventetiden skal ned"));
        assertThat(route.caseFile(id).departments()).extracting(DepartmentInvolvement::status).containsOnly(InvolvementStatus.INVOLVED);
        assertThat(openAlarmCodes(id)).containsExactly("WAIT_SERVICE");

        // The psychologist starts: the cause is gone, and so is the alarm.
        Route.today(referred.plusDays(20));
        caseFiles.startEffort(id, psychologist.id(), Route.today());
        assertThat(openAlarmCodes(id)).isEmpty();
        assertThat(evaluation.allAlarms(id)).singleElement().satisfies(alarm -> assertThat(alarm.clearedOn()).contains(Route.today()));

        Route.today(referred.plusDays(25));
        route.complete(id, "koordinator", new TaskForm.NetworkMeeting(Route.today(),
                List.of(new Participant(Participant.CITIZEN, null, "Viktor Test"), new Participant(Participant.DEPARTMENT, Department.UU, "Vejleder"),
                        new Participant(Participant.NETWORK, null, "Mor")),
                List.of(new TaskForm.AgreementLine("Fast ugentlig struktur med bostøtten", "bostøtte", Route.today().plusDays(7))), NextStep.INTERNSHIP));
        assertThat(route.caseFile(id).stage()).isEqualTo(Stage.INTERNSHIP);

        LocalDate starts = Route.today().plusDays(5);
        route.complete(id, "virksomhed", new TaskForm.FindInternship("Cykelværkstedet", starts, starts.plusDays(42)));
        route.complete(id, "virksomhed", new TaskForm.InternshipKickoff(starts));
        caseFiles.completeAgreement(id, route.caseFile(id).agreements().get(0).id(), starts);
        route.fireTimer(id, "Timer_MidwayReview");
        route.complete(id, "virksomhed", new TaskForm.InternshipMidwayReview(Route.today(), "Møder stabilt"));
        route.fireTimer(id, "Timer_InternshipEnds");
        route.complete(id, "virksomhed", new TaskForm.EvaluateInternship(InternshipResult.ORDINARY_HOURS, 12));
        route.fireTimer(id, "Timer_FollowUpDue");
        sweep.run();
        assertThat(openAlarmCodes(id)).isEmpty();
        route.complete(id, "koordinator", new TaskForm.FollowUp(
                Map.of(Dimension.DAILY_STRUCTURE, 6, Dimension.HEALTH, 6, Dimension.SOCIAL_NETWORK, 4, Dimension.MOTIVATION, 7, Dimension.WORK_READINESS, 6), FollowUpOutcome.CLOSE, CloseReason.EDUCATION));

        CaseFile closed = route.caseFile(id);
        assertThat(closed.stage()).isEqualTo(Stage.CLOSED);
        assertThat(closed.outcome()).contains(Outcome.EDUCATION);
        List<JourneyEntry> journey = caseFiles.journey(id);
        assertThat(journey).extracting(JourneyEntry::type).contains("REFERRED", "SUGGESTED", "ALARM_RAISED", "CONSENT_GIVEN", "MEETING",
                "EFFORT_STARTED", "ALARM_CLEARED", "STAGE", "CLOSED");
        assertThat(journey).extracting(e -> String.join(" ", e.args()) + e.legacyText().orElse(""))
                .noneMatch(text -> text.contains(cpr.substring(6)) && text.contains(cpr.substring(0, 6)));
        // Read in Danish and in English, no line shows a code, an encoded argument or a placeholder.
        for (Locale language : List.of(Locale.forLanguageTag("da"), Locale.ENGLISH)) {
            Texts texts = (key, args) -> messages.getMessage(key, args, language);
            assertThat(journey).extracting(e -> JourneyTexts.text(e, texts)).as("journey in %s", language)
                    .allSatisfy(text -> assertThat(text).doesNotContainPattern("[A-Z]{2,}_[A-Z]").doesNotContain("@").doesNotContain("{"));
        }
    }

    @Test
    void michelleGetsFamilyAClearPlanAndOverdueAgreementsAreFlagged() {
        LocalDate referred = LocalDate.of(2026, 5, 4);
        Route.today(referred);
        CaseFile michelle = caseFiles.refer(new Referral("MICHELLE-" + System.nanoTime(), "Michelle Test", Route.cprForAge(23), Department.JOBCENTER,
                referred, Set.of(Flag.CHILDREN_WITH_NEEDS, Flag.NO_EDUCATION), "Enlig mor; i forløb i jobcentret", null)).caseFile();
        String id = michelle.id();
        assertThat(suggested(route.caseFile(id))).contains(Department.FAMILY);
        assertThat(route.caseFile(id).department(Department.FAMILY).orElseThrow().reasons())
                .extracting(r -> r.rule()).containsExactly("children-with-needs-suggests-family");
        caseFiles.recordEffort(id, EffortType.JOBCENTRE_COURSE, Department.JOBCENTER, referred.minusDays(40), referred.minusDays(30), null, null);

        // No coordinator for more than five days: the alarm says so, and goes once one is assigned.
        Route.today(referred.plusDays(6));
        sweep.run();
        assertThat(openAlarmCodes(id)).containsExactly("NO_COORDINATOR");
        route.complete(id, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(Department.FAMILY, Department.UU), Route.today()));
        assertThat(openAlarmCodes(id)).isEmpty();

        Route.today(referred.plusDays(8));
        route.complete(id, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.INTERDISCIPLINARY, Set.of(Department.FAMILY, Department.UU), null));

        LocalDate meeting = referred.plusDays(20);
        Route.today(meeting);
        route.complete(id, "koordinator", new TaskForm.NetworkMeeting(meeting,
                List.of(new Participant(Participant.CITIZEN, null, "Michelle Test"), new Participant(Participant.DEPARTMENT, Department.FAMILY, "Rådgiver")),
                List.of(new TaskForm.AgreementLine("Én fast kontaktperson i familieafdelingen", "familie", meeting.plusDays(7)),
                        new TaskForm.AgreementLine("Svar på henvendelser inden for to hverdage", "koordinator", meeting.plusDays(14))),
                NextStep.FOLLOW_UP));
        assertThat(route.caseFile(id).stage()).isEqualTo(Stage.FOLLOW_UP);

        // The first agreement is kept on time; the second is not.
        Route.today(meeting.plusDays(6));
        caseFiles.completeAgreement(id, route.caseFile(id).agreements().get(0).id(), Route.today());
        route.fireTimer(id, "Timer_FollowUpDue");
        assertThat(Route.today()).isEqualTo(meeting.plusDays(28));
        sweep.run();
        assertThat(evaluation.openAlarms(id)).singleElement().satisfies(alarm -> {
            assertThat(alarm.code()).isEqualTo("AGREEMENT_OVERDUE");
            assertThat(alarm.text()).contains("Svar på henvendelser").contains("14 dage over fristen");
        });
        caseFiles.completeAgreement(id, route.caseFile(id).agreements().get(1).id(), Route.today());
        assertThat(openAlarmCodes(id)).isEmpty();

        route.complete(id, "koordinator", new TaskForm.FollowUp(Map.of(Dimension.MOTIVATION, 7, Dimension.WORK_READINESS, 5), FollowUpOutcome.CLOSE, CloseReason.EDUCATION));
        assertThat(route.caseFile(id).outcome()).contains(Outcome.EDUCATION);
        assertThat(route.caseFile(id).department(Department.FAMILY).orElseThrow().status()).isEqualTo(InvolvementStatus.INVOLVED);
    }
}
