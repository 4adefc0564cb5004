package dk.tvaers.demo;

import static dk.tvaers.casefile.Department.FAMILY;
import static dk.tvaers.casefile.Department.HEALTH;
import static dk.tvaers.casefile.Department.PSYCHIATRY;
import static dk.tvaers.casefile.Department.SOCIAL;
import static dk.tvaers.casefile.Department.UU;

import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Dimension;
import dk.tvaers.casefile.EffortType;
import dk.tvaers.casefile.Flag;
import dk.tvaers.casefile.Participant;
import dk.tvaers.casefile.Referral;
import dk.tvaers.inbox.TaskForm;
import dk.tvaers.meetings.Invitations;
import dk.tvaers.route.RouteProcess.CloseReason;
import dk.tvaers.route.RouteProcess.FollowUpOutcome;
import dk.tvaers.route.RouteProcess.InternshipResult;
import dk.tvaers.route.RouteProcess.NextStep;
import dk.tvaers.route.RouteProcess.SparringOutcome;
import dk.tvaers.route.RouteSchedule;
import dk.tvaers.route.RouteTasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo: users, and cases walked along the route on the days they happened (the engine's
 * clock is moved back while a case is walked, so dates, timers and alarms are as they would be).
 * Runs once: a case whose reference exists is left alone.
 */
@Component
@ConditionalOnProperty(name = "tvaers.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** The closed cases of the last year the demo's statistics rest on. */
    static final int HISTORY = 600;

    private final IdentityService identity;
    private final CaseFiles caseFiles;
    private final RouteTasks routeTasks;
    private final RouteSchedule schedule;
    private final Clock clock;
    private final Environment environment;
    private final CaseEvaluation evaluation;
    private final Invitations invitations;
    private final JdbcTemplate history;

    DemoData(IdentityService identity, CaseFiles caseFiles, RouteTasks routeTasks, RouteSchedule schedule, Clock clock, Environment environment,
             CaseEvaluation evaluation, Invitations invitations, JdbcTemplate history) {
        this.invitations = invitations;
        this.history = history;
        this.evaluation = evaluation;
        this.identity = identity;
        this.caseFiles = caseFiles;
        this.routeTasks = routeTasks;
        this.schedule = schedule;
        this.clock = clock;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoUsers.ensure(identity);
        LocalDate today = LocalDate.now(clock);
        try {
            viktor(today);
            michelle(today);
            jonas(today);
            sara(today);
            henrik(today);
            amalie(today);
            moreCases(today);
        } finally {
            ClockUtil.reset();
        }
        // A year of closed, anonymised cases before them, so the leaders' figures have something to show.
        if (history.queryForObject("select count(*) from case_file where referral_digest = ?", Long.class, DemoHistory.MARK) == 0) {
            long rows = DemoHistory.write(history, "HIST-", HISTORY, 2026, today, DemoHistory.Which.CLOSED);
            log.info("Demo: {} afsluttede, anonymiserede sager fra det seneste år til statistikken ({} rækker)", HISTORY, rows);
        }
        // Time has passed on the walked cases: bring every alarm up to today, as the nightly sweep would.
        caseFiles.activeCaseIds().forEach(evaluation::evaluate);
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("""

                ===================================================================
                  Tværs kører (demo).
                  Tværs (log ind):              http://localhost:{}/
                  API (HTTP Basic):             http://localhost:{}/api/cases  (beskrivelse: /swagger-ui/index.html)
                  Camunda Cockpit og Tasklist:  http://localhost:{}/camunda/app/
                  Camunda REST (HTTP Basic):    http://localhost:{}/engine-rest/
                  Brugere (adgangskode = brugernavn): koordinator, ungeteam, virksomhed,
                    uu, familie, misbrug, leder, procesejer, admin
                ===================================================================""", port, port, port, port);
    }

    private void viktor(LocalDate today) {
        String ref = "DEMO-VIKTOR";
        if (exists(ref)) {
            return;
        }
        LocalDate referred = today.minusDays(160);
        String caseId = refer(ref, "Viktor Hansen", today.minusYears(19).minusDays(40), "1234", referred,
                Set.of(Flag.MENTAL_HEALTH, Flag.NO_EDUCATION, Flag.SOCIAL_ISOLATION),
                "Moderat depression i behandling, søvnproblemer, bor alene med bostøtte.");
        caseFiles.recordEffort(caseId, EffortType.HOUSING_SUPPORT, SOCIAL, referred.minusDays(60), referred.minusDays(30), null, null);
        at(today.minusDays(152));
        caseFiles.recordEffort(caseId, EffortType.PSYCHOLOGIST, HEALTH, today.minusDays(152), null, null, "Henvist af egen læge");
        at(referred.plusDays(3));
        complete(caseId, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(PSYCHIATRY, HEALTH, UU, SOCIAL), referred.plusDays(3)));
        at(referred.plusDays(12));
        complete(caseId, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.INTERDISCIPLINARY, Set.of(PSYCHIATRY, HEALTH, UU, SOCIAL),
                "Brug for én samlet plan; psykologventetid er lang"));
    }

    private void michelle(LocalDate today) {
        String ref = "DEMO-MICHELLE";
        if (exists(ref)) {
            return;
        }
        LocalDate referred = today.minusDays(45);
        String caseId = refer(ref, "Michelle Jensen", today.minusYears(23).minusDays(100), "5678", referred,
                Set.of(Flag.CHILDREN_WITH_NEEDS, Flag.NO_EDUCATION), "Enlig mor til barn med store støttebehov. I forløb i jobcentret.");
        caseFiles.recordEffort(caseId, EffortType.JOBCENTRE_COURSE, Department.JOBCENTER, referred.minusDays(70), referred.minusDays(60), null, null);
        at(referred.plusDays(2));
        complete(caseId, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(FAMILY, UU), referred.plusDays(2)));
        at(referred.plusDays(9));
        complete(caseId, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.INTERDISCIPLINARY, Set.of(FAMILY, UU), "Familieafdelingen og UU med"));
        LocalDate meeting = referred.plusDays(25);
        at(meeting);
        complete(caseId, "koordinator", new TaskForm.NetworkMeeting(meeting,
                List.of(new Participant(Participant.CITIZEN, null, "Michelle Jensen"),
                        new Participant(Participant.DEPARTMENT, FAMILY, "Frida Familierådgiver"),
                        new Participant(Participant.DEPARTMENT, UU, "Ulrik Vejleder")),
                List.of(new TaskForm.GoalLine("Jeg vil have ro på hverdagen med min søn", Dimension.DAILY_STRUCTURE,
                                List.of("Én indgang til kommunen i stedet for fire", "Faste tider, der passer med institutionen")),
                        new TaskForm.GoalLine("Jeg vil i gang med en uddannelse", Dimension.WORK_READINESS, List.of("Vide, hvilken uddannelse der passer"))),
                List.of(new TaskForm.AgreementLine("Én fast kontaktperson i familieafdelingen", "familie", meeting.plusDays(7), CaseFiles.PlanPlace.underNew(1, 1)),
                        new TaskForm.AgreementLine("Svar på henvendelser inden for to hverdage", "koordinator", meeting.plusDays(14), CaseFiles.PlanPlace.underNew(1, 1)),
                        new TaskForm.AgreementLine("Vejledningssamtale om uddannelse", "uu", meeting.plusDays(21), CaseFiles.PlanPlace.underNew(2, 1))),
                NextStep.FOLLOW_UP));
    }

    private void jonas(LocalDate today) {
        String ref = "DEMO-JONAS";
        if (exists(ref)) {
            return;
        }
        LocalDate referred = today.minusDays(20);
        String caseId = refer(ref, "Jonas Nielsen", today.minusYears(24).minusDays(10), "3321", referred,
                Set.of(Flag.SUBSTANCE_ABUSE, Flag.CRIMINAL_RECORD), "Nyligt løsladt, hashmisbrug.");
        at(referred.plusDays(2));
        caseFiles.recordEffort(caseId, EffortType.ADDICTION_TREATMENT, Department.ADDICTION, referred.plusDays(2), null, null, null);
    }

    private void sara(LocalDate today) {
        String ref = "DEMO-SARA";
        if (exists(ref)) {
            return;
        }
        LocalDate referred = today.minusDays(10);
        String caseId = refer(ref, "Sara Andersen", today.minusYears(17).minusDays(200), "2468", referred,
                Set.of(Flag.DROPPED_OUT, Flag.KNOWN_IN_FAMILY_DEPT), "Droppet ud af 10. klasse, kendt i familieafdelingen.");
        at(referred.plusDays(1));
        complete(caseId, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CUSTODY_HOLDER, Set.of(FAMILY, UU, Department.EDUCATION), referred.plusDays(1)));
    }

    private void henrik(LocalDate today) {
        String ref = "DEMO-HENRIK";
        if (exists(ref)) {
            return;
        }
        LocalDate referred = today.minusDays(60);
        String caseId = refer(ref, "Henrik Poulsen", today.minusYears(35).minusDays(50), "1357", referred,
                Set.of(Flag.HOUSING, Flag.READY_FOR_INTERNSHIP), "Bostøtte, klar til at prøve praktik.");
        caseFiles.recordEffort(caseId, EffortType.HOUSING_SUPPORT, SOCIAL, referred.minusDays(100), referred.minusDays(80), null, null);
        at(referred.plusDays(2));
        complete(caseId, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(SOCIAL, Department.EMPLOYER), referred.plusDays(2)));
        at(referred.plusDays(12));
        complete(caseId, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.INTERDISCIPLINARY, Set.of(SOCIAL, Department.EMPLOYER), null));
        LocalDate meeting = referred.plusDays(26);
        at(meeting);
        complete(caseId, "koordinator", new TaskForm.NetworkMeeting(meeting,
                List.of(new Participant(Participant.CITIZEN, null, "Henrik Poulsen"), new Participant(Participant.DEPARTMENT, SOCIAL, "Bostøttemedarbejder")),
                List.of(new TaskForm.AgreementLine("Finde praktikplads i lager/logistik", "virksomhed", meeting.plusDays(14))), NextStep.INTERNSHIP));
        at(meeting.plusDays(10));
        complete(caseId, "virksomhed", new TaskForm.FindInternship("Lagerhuset A/S", today.plusDays(3), today.plusDays(59)));
    }

    private void amalie(LocalDate today) {
        String ref = "DEMO-AMALIE";
        if (exists(ref)) {
            return;
        }
        LocalDate referred = today.minusDays(30);
        String caseId = refer(ref, "Amalie Larsen", today.minusYears(21).minusDays(5), "8642", referred,
                Set.of(Flag.PHYSICAL_HEALTH), "Rygsmerter; har brug for afklaring hos egen læge.");
        at(referred.plusDays(2));
        complete(caseId, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(HEALTH), referred.plusDays(2)));
        at(referred.plusDays(12));
        complete(caseId, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.SINGLE_DISCIPLINE, Set.of(), "Jobcentret klarer det alene"));
    }

    /** A municipality's worth more: every stage, every alarm, on believable dates. */
    private void moreCases(LocalDate today) {
        if (!exists("DEMO-AHMED")) {
            refer("DEMO-AHMED", "Ahmed Yusuf", today.minusYears(22).minusDays(80), "4411", today.minusDays(3),
                    Set.of(Flag.NO_EDUCATION, Flag.DEBT), "Ny henvisning; gæld til inkasso.");
        }
        if (!exists("DEMO-IDA")) {
            refer("DEMO-IDA", "Ida Kristensen", today.minusYears(18).minusDays(40), "2299", today.minusDays(7),
                    Set.of(Flag.DROPPED_OUT), "Stoppet på HF efter et halvt år.");
        }
        if (!exists("DEMO-LOUISE")) {
            LocalDate referred = today.minusDays(18);
            String id = refer("DEMO-LOUISE", "Louise Mortensen", today.minusYears(28).minusDays(12), "6120", referred,
                    Set.of(Flag.MENTAL_HEALTH, Flag.HOUSING), "Angst; bor midlertidigt hos en veninde.");
            at(referred.plusDays(1));
            complete(id, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(PSYCHIATRY, HEALTH, SOCIAL), referred.plusDays(1)));
        }
        if (!exists("DEMO-SOFIE")) {
            LocalDate referred = today.minusDays(13);
            String id = refer("DEMO-SOFIE", "Sofie Holm", today.minusYears(24).minusDays(150), "8012", referred,
                    Set.of(Flag.CHILDREN_WITH_NEEDS, Flag.DEBT, Flag.NO_EDUCATION), "Søn med ADHD; gæld.");
            at(referred.plusDays(2));
            complete(id, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(FAMILY, SOCIAL), referred.plusDays(2)));
        }
        if (!exists("DEMO-MIKKEL")) {
            LocalDate referred = today.minusDays(40);
            String id = refer("DEMO-MIKKEL", "Mikkel Sørensen", today.minusYears(20).minusDays(33), "5533", referred,
                    Set.of(Flag.SUBSTANCE_ABUSE, Flag.DROPPED_OUT), "Kokain i weekenderne; droppet ud af EUD.");
            at(referred.plusDays(1));
            caseFiles.recordEffort(id, EffortType.ADDICTION_TREATMENT, Department.ADDICTION, referred.plusDays(1), referred.plusDays(9), null, null);
            complete(id, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(Department.ADDICTION, UU, Department.EDUCATION), referred.plusDays(1)));
            at(referred.plusDays(15));
            complete(id, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.INTERDISCIPLINARY, Set.of(Department.ADDICTION, UU), "Misbrugscentret og UU med"));
            // Called to the network meeting, so the outbox (/post) has an invitation with its calendar event to show.
            invitations.invite(id, new Invitations.Request("demo-mikkel-invitation", today.plusDays(3), LocalTime.of(10, 0),
                    LocalTime.of(11, 30), "Jobcentret, mødelokale 2", List.of(
                            new Invitations.Invitee(Participant.CITIZEN, null, "Mikkel Sørensen", "mikkel.soerensen@example.dk"),
                            new Invitations.Invitee(Participant.DEPARTMENT, Department.ADDICTION, "Mads Misbrugsbehandler", "misbrug@kommune.example"),
                            new Invitations.Invitee(Participant.DEPARTMENT, UU, "Ulrik Vejleder", "uu@kommune.example"))),
                    "koordinator", "koordinator@tvaers.example");
        }
        if (!exists("DEMO-EMMA")) {
            LocalDate referred = today.minusDays(30);
            LocalDate birth = today.plusDays(60).minusYears(18);
            String id = refer("DEMO-EMMA", "Emma Olsen", birth, "7788", referred,
                    Set.of(Flag.KNOWN_IN_FAMILY_DEPT, Flag.PRIOR_PLACEMENT, Flag.DROPPED_OUT), "Anbragt i plejefamilie; fylder snart 18.");
            at(referred.plusDays(2));
            complete(id, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CUSTODY_HOLDER, Set.of(FAMILY, UU), referred.plusDays(2)));
            at(referred.plusDays(8));
            complete(id, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.INTERDISCIPLINARY, Set.of(FAMILY, UU), "Efterværn skal planlægges"));
            at(referred.plusDays(20));
            complete(id, "koordinator", new TaskForm.NetworkMeeting(referred.plusDays(20),
                    List.of(new Participant(Participant.CITIZEN, null, "Emma Olsen"), new Participant(Participant.NETWORK, null, "Plejemor"),
                            new Participant(Participant.DEPARTMENT, FAMILY, "Frida Familierådgiver")),
                    List.of(new TaskForm.AgreementLine("Plan for efterværn fra 18 år", "familie", referred.plusDays(50))), NextStep.FOLLOW_UP));
        }
        if (!exists("DEMO-RASMUS")) {
            LocalDate referred = today.minusDays(75);
            String id = refer("DEMO-RASMUS", "Rasmus Lund", today.minusYears(31).minusDays(20), "3190", referred,
                    Set.of(Flag.PHYSICAL_HEALTH, Flag.READY_FOR_INTERNSHIP), "Rygskade; vil gerne prøve lettere lagerarbejde.");
            at(referred.plusDays(2));
            complete(id, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(HEALTH, Department.EMPLOYER), referred.plusDays(2)));
            at(referred.plusDays(9));
            complete(id, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.INTERDISCIPLINARY, Set.of(HEALTH, Department.EMPLOYER), null));
            at(referred.plusDays(20));
            complete(id, "koordinator", new TaskForm.NetworkMeeting(referred.plusDays(20),
                    List.of(new Participant(Participant.CITIZEN, null, "Rasmus Lund"), new Participant(Participant.DEPARTMENT, Department.EMPLOYER, "Viggo")),
                    List.of(), NextStep.INTERNSHIP));
            at(referred.plusDays(30));
            complete(id, "virksomhed", new TaskForm.FindInternship("Fragtcentralen ApS", referred.plusDays(35), today.plusDays(20)));
            at(referred.plusDays(35));
            complete(id, "virksomhed", new TaskForm.InternshipKickoff(referred.plusDays(35)));
        }
        if (!exists("DEMO-FATIMA")) {
            LocalDate referred = today.minusDays(70);
            String id = refer("DEMO-FATIMA", "Fatima Ali", today.minusYears(26).minusDays(61), "9021", referred,
                    Set.of(Flag.SOCIAL_ISOLATION, Flag.NO_EDUCATION), "Ensom; ønsker uddannelse som social- og sundhedshjælper.");
            at(referred.plusDays(1));
            complete(id, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(SOCIAL, Department.EDUCATION), referred.plusDays(1)));
            at(referred.plusDays(8));
            complete(id, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.INTERDISCIPLINARY, Set.of(SOCIAL, Department.EDUCATION), null));
            at(referred.plusDays(22));
            complete(id, "koordinator", new TaskForm.NetworkMeeting(referred.plusDays(22),
                    List.of(new Participant(Participant.CITIZEN, null, "Fatima Ali"), new Participant(Participant.DEPARTMENT, SOCIAL, "Støttekontaktperson")),
                    List.of(new TaskForm.AgreementLine("Tilmelding til brobygning på SOSU", "koordinator", referred.plusDays(36)),
                            new TaskForm.AgreementLine("Besøg i frivilligcaféen", "Støttekontaktperson", referred.plusDays(29))),
                    NextStep.FOLLOW_UP));
            caseFiles.recordEffort(id, EffortType.SUPPORT_CONTACT_PERSON, SOCIAL, referred.plusDays(22), referred.plusDays(30), referred.plusDays(45), null);
        }
        if (!exists("DEMO-NIELS")) {
            LocalDate referred = today.minusDays(200);
            String id = refer("DEMO-NIELS", "Niels Bach", today.minusYears(45).minusDays(9), "1144", referred,
                    Set.of(Flag.DISABILITY, Flag.READY_FOR_INTERNSHIP), "Hørenedsættelse; tidligere smed.");
            at(referred.plusDays(2));
            complete(id, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(PSYCHIATRY, Department.EMPLOYER), referred.plusDays(2)));
            at(referred.plusDays(10));
            complete(id, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.INTERDISCIPLINARY, Set.of(PSYCHIATRY, Department.EMPLOYER), null));
            at(referred.plusDays(20));
            complete(id, "koordinator", new TaskForm.NetworkMeeting(referred.plusDays(20),
                    List.of(new Participant(Participant.CITIZEN, null, "Niels Bach")), List.of(), NextStep.INTERNSHIP));
            at(referred.plusDays(25));
            complete(id, "virksomhed", new TaskForm.FindInternship("Smedien I/S", referred.plusDays(30), referred.plusDays(72)));
            at(referred.plusDays(30));
            complete(id, "virksomhed", new TaskForm.InternshipKickoff(referred.plusDays(30)));
            fire(id, "Timer_MidwayReview");
            complete(id, "virksomhed", new TaskForm.InternshipMidwayReview(LocalDate.now(clock), "Fungerer godt med høreapparat"));
            fire(id, "Timer_InternshipEnds");
            complete(id, "virksomhed", new TaskForm.EvaluateInternship(InternshipResult.JOB, 30));
            fire(id, "Timer_FollowUpDue");
            complete(id, "koordinator", new TaskForm.FollowUp(Map.of(Dimension.DAILY_STRUCTURE, 9, Dimension.HEALTH, 7, Dimension.SOCIAL_NETWORK, 7,
                    Dimension.MOTIVATION, 9, Dimension.WORK_READINESS, 9), FollowUpOutcome.CLOSE, CloseReason.JOB));
        }
        if (!exists("DEMO-KATRINE")) {
            LocalDate referred = today.minusDays(50);
            String id = refer("DEMO-KATRINE", "Katrine Dahl", today.minusYears(19).minusDays(222), "6677", referred,
                    Set.of(Flag.MENTAL_HEALTH), "Er allerede i et forløb i regionspsykiatrien.");
            at(referred.plusDays(1));
            complete(id, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(PSYCHIATRY), referred.plusDays(1)));
            at(referred.plusDays(8));
            complete(id, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.CLOSE, Set.of(), "Behandlingen dækker behovet nu; ny henvisning om et halvt år"));
        }
        if (!exists("DEMO-OLIVER")) {
            LocalDate referred = today.minusDays(25);
            String id = refer("DEMO-OLIVER", "Oliver Berg", today.minusYears(23).minusDays(77), "2288", referred,
                    Set.of(Flag.CRIMINAL_RECORD, Flag.HOUSING), "Prøveløsladt; sover på sofaer.");
            at(referred.plusDays(3));
            complete(id, "koordinator", new TaskForm.RegisterConsent(false, null, Set.of(), null));
        }
        if (!exists("DEMO-JAKOB")) {
            LocalDate referred = today.minusDays(110);
            String id = refer("DEMO-JAKOB", "Jakob Friis", today.minusYears(34).minusDays(3), "4466", referred,
                    Set.of(Flag.HOUSING, Flag.MENTAL_HEALTH), "Bipolar; bostøtte er bevilget.");
            caseFiles.recordEffort(id, EffortType.HOUSING_SUPPORT, SOCIAL, referred, null, null, "Bevilget, afventer opstart");
            at(referred.plusDays(1));
            complete(id, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(SOCIAL, PSYCHIATRY, HEALTH), referred.plusDays(1)));
            at(referred.plusDays(9));
            complete(id, "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.INTERDISCIPLINARY, Set.of(SOCIAL, PSYCHIATRY, HEALTH), null));
            at(referred.plusDays(20));
            complete(id, "koordinator", new TaskForm.NetworkMeeting(referred.plusDays(20),
                    List.of(new Participant(Participant.CITIZEN, null, "Jakob Friis"), new Participant(Participant.DEPARTMENT, SOCIAL, "Bostøtte")),
                    List.of(new TaskForm.GoalLine("Jeg vil kunne klare min egen lejlighed", Dimension.DAILY_STRUCTURE,
                            List.of("Stå op og spise morgenmad på hverdage", "Betale regninger til tiden"))),
                    List.of(new TaskForm.AgreementLine("Opstart af bostøtte", "Socialafdelingen", referred.plusDays(34), CaseFiles.PlanPlace.underNew(1, 1))),
                    NextStep.FOLLOW_UP));
            fire(id, "Timer_FollowUpDue");
            complete(id, "koordinator", new TaskForm.FollowUp(Map.of(Dimension.DAILY_STRUCTURE, 3, Dimension.HEALTH, 4, Dimension.MOTIVATION, 5), FollowUpOutcome.CONTINUE, null));
        }
    }

    /** Moves the demo's day to a timer's due date and runs it, as the job executor would have. */
    private void fire(String caseId, String activityId) {
        var job = schedule.timerJob(caseId, activityId)
                .orElseThrow(() -> new IllegalStateException("Demo: ingen timer " + activityId + " på sagen"));
        ClockUtil.setCurrentTime(job.getDuedate());
        schedule.executeJob(job.getId());
    }

    private boolean exists(String externalRef) {
        return caseFiles.findByExternalRef(externalRef).isPresent();
    }

    private String refer(String ref, String name, LocalDate birthDate, String tail, LocalDate referred, Set<Flag> flags, String note) {
        at(referred);
        return caseFiles.refer(new Referral(ref, name, cpr(birthDate, tail), Department.JOBCENTER, referred, flags, note, null))
                .caseFile().id();
    }

    /** A made-up CPR number whose 7th digit matches the birth year by the century rule. */
    static String cpr(LocalDate birthDate, String tail) {
        int year = birthDate.getYear();
        char seventh = year >= 2000 ? '4' : '1';
        return birthDate.format(DateTimeFormatter.ofPattern("ddMMyy")) + seventh + tail.substring(1);
    }

    private void complete(String caseId, String user, TaskForm form) {
        var task = schedule.openTasks(caseId).stream().filter(t -> t.getTaskDefinitionKey().equals(form.taskKey())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Demo: ingen opgave " + form.taskKey() + " på sagen"));
        routeTasks.claim(task.getId(), user);
        routeTasks.complete(task.getId(), form, user);
    }

    private void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(clock.getZone()).toInstant()));
    }
}
