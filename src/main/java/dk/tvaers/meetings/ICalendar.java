package dk.tvaers.meetings;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * An iCalendar (RFC 5545) meeting request written with ical4j: one VEVENT with organiser and attendees,
 * times in UTC (no VTIMEZONE needed), text and parameters escaped by the library. Lines are then folded at
 * 75 <em>octets</em> as RFC 5545 3.1 says: ical4j folds at 75 characters, which a line of Danish letters
 * exceeds in UTF-8 (ical4j 4.1.1; its issue 800 fixed splitting a character, not the count).
 */
final class ICalendar {

    record Attendee(String name, String email) {}

    record Event(String uid, int sequence, Instant stamp, Instant start, Instant end, String summary, String location,
                 String description, Attendee organizer, List<Attendee> attendees) {}

    private ICalendar() {
    }

    static String request(Event event) {
        VEvent vevent = new VEvent(event.start(), event.end(), event.summary());
        vevent.replace(new Uid(event.uid()));
        vevent.add(new Sequence(event.sequence()));
        // The event is stamped on creation; the invitation keeps the time it was made, so a resend reads the same.
        vevent.replace(new DtStamp(event.stamp()));
        vevent.add(new Location(event.location()));
        vevent.add(new Description(event.description()));
        vevent.add(new Organizer(new ParameterList(List.of(new Cn(event.organizer().name()))), mailto(event.organizer())));
        for (Attendee attendee : event.attendees()) {
            vevent.add(new net.fortuna.ical4j.model.property.Attendee(new ParameterList(List.of(new Cn(attendee.name()),
                    Role.REQ_PARTICIPANT, PartStat.NEEDS_ACTION, Rsvp.TRUE)), mailto(attendee)));
        }
        vevent.add(ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Tvaers//Netvaerksmoede//DA"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.REQUEST);
        calendar.add(vevent);
        StringWriter written = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, written);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("Indkaldelsen kunne ikke skrives som iCalendar: " + e.getMessage(), e);
        }
        StringBuilder ics = new StringBuilder();
        // Unfolded (a fold is CRLF and one space), then folded again by octets.
        for (String line : written.toString().replace("\r\n ", "").split("\r\n")) {
            foldByOctets(ics, line);
        }
        return ics.toString();
    }

    /** Appends one content line folded at 75 octets, never inside a character, ending in CRLF. */
    private static void foldByOctets(StringBuilder ics, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }

    private static URI mailto(Attendee person) {
        return URI.create("mailto:" + person.email());
    }
}
