package dk.tvaers.meetings;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFileEvents.CaseAnonymised;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.JourneyArgs;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Meeting;
import dk.tvaers.casefile.MeetingKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to the network meeting: stored with their participants, journaled on the case, and
 * mailed to every participant with an e-mail address as an iCalendar meeting request. A new
 * invitation before the meeting is held moves the same calendar event (same UID, next sequence).
 */
@Service
public class Invitations {

    /** Meetings are held in Denmark; their times are Danish whatever the server's zone. */
    static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");
    static final Locale DA = Locale.forLanguageTag("da-DK");

    public record Invitee(String role, Department department, String name, String email) {}

    public record Request(String requestId, LocalDate date, LocalTime start, LocalTime end, String location, List<Invitee> invitees) {}

    public record Invitation(long id, String caseId, String uid, int sequence, Instant startsAt, Instant endsAt, String location,
                             String invitedBy, Instant invitedAt, List<Invitee> invitees) {}

    private final JdbcClient jdbc;
    private final CaseFiles caseFiles;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Clock clock;

    Invitations(JdbcClient jdbc, CaseFiles caseFiles, Outbox outbox, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.caseFiles = caseFiles;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    /** Invites (or moves the meeting for) everyone listed; the same request id twice invites once. */
    @Transactional
    public Invitation invite(String caseId, Request request, String organizer, String organizerEmail) {
        Optional<Invitation> done = byRequest(request.requestId());
        if (done.isPresent()) {
            return done.get();
        }
        CaseFile caseFile = caseFiles.find(caseId).orElseThrow();
        Optional<Invitation> pending = latest(caseId).filter(previous -> !heldSince(caseFile, previous));
        String uid = pending.map(Invitation::uid).orElseGet(() -> UUID.randomUUID() + "@tvaers");
        int sequence = pending.map(previous -> previous.sequence() + 1).orElse(0);
        Instant start = request.date().atTime(request.start()).atZone(DANISH).toInstant();
        Instant end = request.date().atTime(request.end()).atZone(DANISH).toInstant();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into meeting_invitation (case_id, uid, sequence_no, starts_at, ends_at, location, invited_by, invited_at, request_id)
                        values (:caseId, :uid, :sequence, :startsAt, :endsAt, :location, :invitedBy, :invitedAt, :requestId)""")
                .param("caseId", caseId).param("uid", uid).param("sequence", sequence)
                .param("startsAt", OffsetDateTime.ofInstant(start, DANISH)).param("endsAt", OffsetDateTime.ofInstant(end, DANISH))
                .param("location", request.location()).param("invitedBy", organizer)
                .param("invitedAt", OffsetDateTime.ofInstant(now, DANISH)).param("requestId", request.requestId())
                .update();
        long id = jdbc.sql("select id from meeting_invitation where request_id = :requestId").param("requestId", request.requestId())
                .query(Long.class).single();
        int position = 0;
        for (Invitee invitee : request.invitees()) {
            jdbc.sql("""
                            insert into invitation_participant (invitation_id, position, role, department, name, email)
                            values (:id, :position, :role, :department, :name, :email)""")
                    .param("id", id).param("position", position++).param("role", invitee.role())
                    .param("department", invitee.department() == null ? null : invitee.department().name())
                    .param("name", invitee.name()).param("email", invitee.email()).update();
        }
        Invitation invitation = byRequest(request.requestId()).orElseThrow();
        mail(invitation, organizer, organizerEmail);
        long mailed = invitation.invitees().stream().filter(i -> i.email() != null).count();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH.mm").withZone(DANISH);
        caseFiles.note(caseId, LocalDate.now(clock), "INVITATION", sequence == 0 ? "INVITED" : "MOVED",
                JourneyArgs.weekday(LocalDate.ofInstant(start, DANISH)), JourneyArgs.text(time.format(start) + "–" + time.format(end)),
                JourneyArgs.text(invitation.location()), JourneyArgs.number(invitation.invitees().size()), JourneyArgs.number(mailed));
        return invitation;
    }

    /** The newest invitation of the case, if any. */
    @Transactional(readOnly = true)
    public Optional<Invitation> latest(String caseId) {
        return jdbc.sql("select id from meeting_invitation where case_id = :caseId order by id desc limit 1").param("caseId", caseId)
                .query(Long.class).optional().flatMap(this::byId);
    }

    /**
     * The invitation to a held network meeting: the newest one sent after the case's previous network
     * meeting and not after this one. A second meeting recorded without a new invitation has none, so
     * its minutes never go to the first meeting's list.
     */
    @Transactional(readOnly = true)
    public Optional<Invitation> forMeeting(CaseFile caseFile, Meeting meeting) {
        Optional<LocalDate> previous = caseFile.meetings().stream()
                .filter(m -> m.kind() == MeetingKind.NETWORK_MEETING && m.id() < meeting.id())
                .map(Meeting::heldOn).max(Comparator.naturalOrder());
        return jdbc.sql("select id from meeting_invitation where case_id = :caseId order by id desc").param("caseId", caseFile.id())
                .query(Long.class).list().stream()
                .map(this::byId).flatMap(Optional::stream)
                .filter(invitation -> {
                    LocalDate invitedOn = LocalDate.ofInstant(invitation.invitedAt(), DANISH);
                    return previous.map(invitedOn::isAfter).orElse(true) && !invitedOn.isAfter(meeting.heldOn());
                })
                .findFirst();
    }

    /** The invitation not yet followed by a held network meeting: the meeting the coordinator is preparing. */
    @Transactional(readOnly = true)
    public Optional<Invitation> upcoming(CaseFile caseFile) {
        return latest(caseFile.id()).filter(invitation -> !heldSince(caseFile, invitation));
    }

    /** Retention: the case is anonymised, so are its invitations (names, addresses, place). */
    @EventListener
    void anonymised(CaseAnonymised event) {
        jdbc.sql("""
                        update invitation_participant set name = 'Anonymiseret', email = null
                        where invitation_id in (select id from meeting_invitation where case_id = :caseId)""")
                .param("caseId", event.caseId()).update();
        jdbc.sql("update meeting_invitation set location = 'Anonymiseret' where case_id = :caseId").param("caseId", event.caseId()).update();
        outbox.forget(event.caseId());
    }

    /** "torsdag 3. december 2026 kl. 10.00–11.30", in Danish time. */
    public static String when(Instant start, Instant end) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d. MMMM yyyy 'kl.' HH.mm", DA).withZone(DANISH);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH.mm", DA).withZone(DANISH);
        return day.format(start) + "–" + time.format(end);
    }

    private void mail(Invitation invitation, String organizer, String organizerEmail) {
        List<ICalendar.Attendee> attendees = invitation.invitees().stream().filter(i -> i.email() != null)
                .map(i -> new ICalendar.Attendee(i.name(), i.email())).toList();
        String when = when(invitation.startsAt(), invitation.endsAt());
        String summary = text("mail.invitation.summary");
        String calendar = ICalendar.request(new ICalendar.Event(invitation.uid(), invitation.sequence(), invitation.invitedAt(),
                invitation.startsAt(), invitation.endsAt(), summary, invitation.location(), text("mail.invitation.description"),
                new ICalendar.Attendee(organizer, organizerEmail), attendees));
        for (Invitee invitee : invitation.invitees()) {
            if (invitee.email() == null) {
                continue;
            }
            outbox.enqueue(new Outbox.Mail("invitation:" + invitation.uid() + ":" + invitation.sequence() + ":" + invitee.email().toLowerCase(Locale.ROOT),
                    invitation.caseId(), invitee.email(), invitee.name(),
                    text(invitation.sequence() == 0 ? "mail.invitation.subject" : "mail.invitation.subject.moved", when),
                    text("mail.invitation.body", invitee.name(), when, invitation.location(), organizer),
                    calendar, null));
        }
    }

    private static boolean heldSince(CaseFile caseFile, Invitation invitation) {
        LocalDate invitedOn = LocalDate.ofInstant(invitation.invitedAt(), DANISH);
        return caseFile.meetings().stream()
                .anyMatch(m -> m.kind() == MeetingKind.NETWORK_MEETING && !m.heldOn().isBefore(invitedOn));
    }

    private Optional<Invitation> byRequest(String requestId) {
        return jdbc.sql("select id from meeting_invitation where request_id = :requestId").param("requestId", requestId)
                .query(Long.class).optional().flatMap(this::byId);
    }

    private Optional<Invitation> byId(long id) {
        List<Invitee> invitees = jdbc.sql("""
                        select role, department, name, email from invitation_participant where invitation_id = :id order by position""")
                .param("id", id)
                .query((rs, n) -> new Invitee(rs.getString(1), rs.getString(2) == null ? null : Department.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))
                .list();
        return jdbc.sql("""
                        select id, case_id, uid, sequence_no, starts_at, ends_at, location, invited_by, invited_at
                        from meeting_invitation where id = :id""").param("id", id)
                .query((rs, n) -> new Invitation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant(), invitees))
                .optional();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, DA);
    }
}
