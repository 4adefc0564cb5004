package dk.tvaers.route;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.EffortType;
import dk.tvaers.casefile.Flag;
import dk.tvaers.casefile.JourneyEntry;
import dk.tvaers.casefile.Outcome;
import dk.tvaers.inbox.TaskForm;
import dk.tvaers.meetings.Outbox;
import dk.tvaers.route.RouteProcess.SparringOutcome;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Closed cases are anonymised by the engine's nightly job once five years have passed, and not before. */
@TvaersTest
class RetentionTests {

    @Autowired Route route;
    @Autowired CaseFiles caseFiles;
    @Autowired ManagementService management;
    @Autowired Outbox outbox;
    @Autowired TaskComments comments;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        Route.resetClock();
    }

    private String closedCaseOn(LocalDate day) {
        Route.today(day.minusDays(20));
        CaseFile caseFile = route.refer("Gammel Sag", 30, Flag.DEBT);
        caseFiles.recordEffort(caseFile.id(), EffortType.DEBT_COUNSELLING, Department.SOCIAL, Route.today(), Route.today(), null, "Aftale med kreditor X");
        comments.add(route.task(caseFile.id(), RouteProcess.Tasks.REGISTER_CONSENT), "koordinator", "Gammel Sag ringer tirsdag");
        route.complete(caseFile.id(), "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(Department.SOCIAL), Route.today()));
        Route.today(day);
        route.complete(caseFile.id(), "ungeteam", new TaskForm.YouthTeamSparring(SparringOutcome.CLOSE, Set.of(), "Borgeren Gammel Sag flytter"));
        assertThat(route.caseFile(caseFile.id()).outcome()).contains(Outcome.OTHER);
        return caseFile.id();
    }

    private void runRetentionJob() {
        var job = management.createJobQuery().processDefinitionKey("RetentionProcess").timers().singleResult();
        assertThat(job).as("RetentionProcess timer").isNotNull();
        management.executeJob(job.getId());
    }

    @Test
    void anonymisesClosedCasesAfterFiveYearsOnly() {
        String old = closedCaseOn(LocalDate.of(2020, 3, 2));
        String recent = closedCaseOn(LocalDate.of(2022, 6, 1));
        String key = "retention-" + old;
        new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.enqueue(new Outbox.Mail(key, old, "gammel@example.dk",
                "Gammel Sag", "Referat", "Kære Gammel Sag", null, new Outbox.Attachment("referat.pdf", "application/pdf", new byte[] {1}))));
        Route.today(LocalDate.of(2026, 3, 10));
        CaseFile active = route.refer("Aktiv Sag", 25, Flag.HOUSING);

        runRetentionJob();

        CaseFile anonymised = route.caseFile(old);
        assertThat(anonymised.citizenName()).isEqualTo("Anonymiseret");
        assertThat(anonymised.cprMasked()).isEqualTo("000000-****");
        assertThat(anonymised.birthDate().getDayOfYear()).isEqualTo(1);
        assertThat(anonymised.externalRef()).startsWith("ANON-");
        assertThat(anonymised.note()).isNull();
        assertThat(anonymised.efforts()).allSatisfy(e -> assertThat(e.note()).isEmpty());
        assertThat(anonymised.meetings()).allSatisfy(m -> assertThat(m.note()).isEmpty());
        assertThat(anonymised.anonymisedOn()).contains(LocalDate.of(2026, 3, 10));
        assertThat(anonymised.outcome()).contains(Outcome.OTHER);
        // The journey keeps its types, codes and dates; no argument (a name, a reason, a text) is left.
        assertThat(caseFiles.journey(old)).allMatch(e -> e.isForgotten() || e.type().equals("ANONYMISED") && e.args().isEmpty());
        // The comments on its tasks are forgotten; a case not yet due keeps its own.
        assertThat(comments.ofCase(old)).isEmpty();
        assertThat(comments.ofCase(recent)).extracting(TaskComments.TaskComment::text).containsExactly("Gammel Sag ringer tirsdag");

        // The mail about the case goes too: address, text and the minutes attached.
        assertThat(outbox.ofCase(old)).singleElement().satisfies(mail -> {
            assertThat(mail.recipient()).isEqualTo("Anonymiseret");
            assertThat(mail.body()).isEqualTo("Anonymiseret");
            assertThat(mail.attachmentName()).isNull();
        });

        assertThat(route.caseFile(recent).citizenName()).isEqualTo("Gammel Sag");
        assertThat(route.caseFile(active.id()).citizenName()).isEqualTo("Aktiv Sag");
    }
}
