package dk.tvaers.meetings;

import dk.tvaers.casefile.Agreement;
import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFileEvents.MeetingRecorded;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.CitizenPlan;
import dk.tvaers.casefile.GoalStatus;
import dk.tvaers.casefile.JourneyArgs;
import dk.tvaers.casefile.Meeting;
import dk.tvaers.casefile.MeetingKind;
import dk.tvaers.casefile.Participant;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Everything is written down and sent to all participants": when a network meeting is recorded,
 * its minutes become a PDF that is queued, in the same transaction, to everyone that meeting's
 * invitation reached by e-mail. Whoever came without an e-mail invitation can be sent them afterwards
 * ({@link #sendTo}); the same minutes can be downloaded from the case page.
 */
@Component
public class MinutesMailer {

    /** One person the minutes go to. */
    public record Recipient(String name, String email) {}

    private static final String KEY = "minutes:";

    private final CaseFiles caseFiles;
    private final Invitations invitations;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Clock clock;

    MinutesMailer(CaseFiles caseFiles, Invitations invitations, Outbox outbox, MessageSource messages, Clock clock) {
        this.caseFiles = caseFiles;
        this.invitations = invitations;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    @EventListener
    void meetingRecorded(MeetingRecorded event) {
        if (event.kind() != MeetingKind.NETWORK_MEETING) {
            return;
        }
        CaseFile caseFile = caseFiles.find(event.caseId()).orElseThrow();
        Meeting meeting = caseFile.meetings().stream().filter(m -> m.kind() == MeetingKind.NETWORK_MEETING)
                .max(Comparator.comparing(Meeting::id)).orElseThrow();
        List<Recipient> recipients = invitations.forMeeting(caseFile, meeting).map(Invitations.Invitation::invitees).orElse(List.of())
                .stream().filter(i -> i.email() != null).map(i -> new Recipient(i.name(), i.email())).toList();
        queue(caseFile, meeting, recipients);
        String heldOn = JourneyArgs.date(meeting.heldOn());
        if (recipients.isEmpty()) {
            caseFiles.note(caseFile.id(), LocalDate.now(clock), "MINUTES", "NO_RECIPIENTS", heldOn);
        } else {
            caseFiles.note(caseFile.id(), LocalDate.now(clock), "MINUTES", "SENT", heldOn, JourneyArgs.number(recipients.size()));
        }
    }

    /**
     * Sends the minutes of a held network meeting to more people: someone who came without an e-mail
     * invitation, or a colleague who takes over. Someone who has them already is not sent them again.
     * The journey says who sent them; the outbox keeps to whom.
     *
     * @return how many were sent the minutes now
     */
    @Transactional
    public int sendTo(String caseId, long meetingId, List<Recipient> recipients, String sentBy) {
        CaseFile caseFile = caseFiles.find(caseId).orElseThrow();
        Meeting meeting = networkMeeting(caseFile, meetingId).orElseThrow(() -> new IllegalArgumentException("no network meeting " + meetingId));
        int queued = queue(caseFile, meeting, recipients);
        if (queued > 0) {
            caseFiles.note(caseId, LocalDate.now(clock), "MINUTES", "SENT_MORE", JourneyArgs.date(meeting.heldOn()), JourneyArgs.number(queued),
                    JourneyArgs.text(sentBy));
        }
        return queued;
    }

    /** Everyone the minutes of this meeting were sent or are queued to, oldest first. */
    public List<Outbox.Entry> sent(long meetingId) {
        return outbox.withKeyPrefix(KEY + meetingId + ":");
    }

    public static Optional<Meeting> networkMeeting(CaseFile caseFile, long meetingId) {
        return caseFile.meetings().stream().filter(m -> m.id() == meetingId && m.kind() == MeetingKind.NETWORK_MEETING).findFirst();
    }

    private int queue(CaseFile caseFile, Meeting meeting, List<Recipient> recipients) {
        byte[] pdf = pdf(caseFile, meeting);
        String heldOn = date(meeting.heldOn());
        int queued = 0;
        for (Recipient recipient : recipients) {
            boolean added = outbox.enqueue(new Outbox.Mail(KEY + meeting.id() + ":" + recipient.email().toLowerCase(Locale.ROOT), caseFile.id(),
                    recipient.email(), recipient.name(), text("mail.minutes.subject", heldOn),
                    text("mail.minutes.body", recipient.name(), heldOn, caseFile.coordinator().orElse(text("minutes.noCoordinator"))),
                    null, new Outbox.Attachment(fileName(meeting), "application/pdf", pdf)));
            queued += added ? 1 : 0;
        }
        return queued;
    }

    /** The minutes of one of the case's network meetings, if it has that meeting. */
    public Optional<byte[]> minutes(CaseFile caseFile, long meetingId) {
        return networkMeeting(caseFile, meetingId).map(m -> pdf(caseFile, m));
    }

    public static String fileName(Meeting meeting) {
        return "referat-netvaerksmoede-" + meeting.heldOn() + ".pdf";
    }

    private byte[] pdf(CaseFile caseFile, Meeting meeting) {
        // The plan as agreed by this meeting (goals from it and before, none given up), with this meeting's agreements
        // under their sub-goals; an agreement whose sub-goal is not shown stands with the others: nothing agreed is left out.
        CitizenPlan plan = CitizenPlan.of(caseFile, a -> a.meetingId().filter(id -> id.equals(meeting.id())).isPresent());
        List<CitizenPlan.PlanGoal> shownGoals = plan.goals().stream()
                .filter(g -> !g.goal().agreedOn().isAfter(meeting.heldOn()) && g.goal().status() != GoalStatus.DROPPED).toList();
        List<MinutesPdf.PlanGoal> goals = shownGoals.stream()
                .map(g -> new MinutesPdf.PlanGoal(g.goal().text(),
                        g.goal().dimension().map(d -> text("minutes.measuredOn", text("value." + d.name()))).orElse(null),
                        shownSubGoals(g).map(s -> new MinutesPdf.PlanSubGoal(s.subGoal().text(), s.agreements().stream().map(MinutesMailer::agreement).toList()))
                                .toList()))
                .toList();
        List<Agreement> listed = shownGoals.stream().flatMap(MinutesMailer::shownSubGoals).flatMap(s -> s.agreements().stream()).toList();
        List<MinutesPdf.Agreement> others = caseFile.agreements().stream()
                .filter(a -> a.meetingId().filter(id -> id.equals(meeting.id())).isPresent() && !listed.contains(a))
                .map(MinutesMailer::agreement).toList();
        List<String> participants = meeting.participants().stream().map(this::participant).toList();
        String nextStep = meeting.outcome().map(o -> text("minutes.nextStep." + o)).orElse(text("minutes.nextStep.none"));
        return MinutesPdf.render(new MinutesPdf.Minutes(text("minutes.title"), caseFile.citizenName(), meeting.heldOn(),
                caseFile.coordinator().orElse(text("minutes.noCoordinator")), participants, goals, others, nextStep,
                text("minutes.footer", date(LocalDate.now(clock)))), labels());
    }

    private static java.util.stream.Stream<CitizenPlan.PlanSubGoal> shownSubGoals(CitizenPlan.PlanGoal goal) {
        return goal.subGoals().stream().filter(s -> s.subGoal().status() != GoalStatus.DROPPED);
    }

    private static MinutesPdf.Agreement agreement(Agreement a) {
        return new MinutesPdf.Agreement(a.text(), a.owner(), a.due());
    }

    private String participant(Participant p) {
        return switch (p.role()) {
            case Participant.CITIZEN -> text("minutes.role.citizen") + (p.name() == null ? "" : " – " + p.name());
            case Participant.DEPARTMENT -> text("department." + p.department().name()) + (p.name() == null ? "" : " – " + p.name());
            default -> text("minutes.role.network") + (p.name() == null ? "" : " – " + p.name());
        };
    }

    private MinutesPdf.Labels labels() {
        return new MinutesPdf.Labels() {
            public String citizen() { return text("minutes.citizen"); }
            public String heldOn() { return text("minutes.heldOn"); }
            public String coordinator() { return text("minutes.coordinator"); }
            public String participants() { return text("minutes.participants"); }
            public String agreements() { return text("minutes.agreements"); }
            public String noAgreements() { return text("minutes.noAgreements"); }
            public String plan() { return text("minutes.plan"); }
            public String goal() { return text("minutes.goal"); }
            public String subGoal() { return text("minutes.subGoal"); }
            public String otherAgreements() { return text("minutes.otherAgreements"); }
            public String owner() { return text("minutes.owner"); }
            public String due() { return text("minutes.due"); }
            public String nextStep() { return text("minutes.nextStep"); }
            public String date(LocalDate date) { return MinutesMailer.date(date); }
        };
    }

    private static String date(LocalDate date) {
        return DateTimeFormatter.ofPattern("d. MMMM yyyy", Invitations.DA).format(date);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Invitations.DA);
    }
}
