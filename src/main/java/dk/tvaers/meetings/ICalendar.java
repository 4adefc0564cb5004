package dk.tvaers.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An iCalendar (RFC 5545) meeting request: one VEVENT with organiser and attendees, times in UTC,
 * text escaped and lines folded at 75 octets, as calendar programs expect in an e-mail invitation.
 */
final class ICalendar {

    record Attendee(String name, String email) {}

    record Event(String uid, int sequence, Instant stamp, Instant start, Instant end, String summary, String location,
                 String description, Attendee organizer, List<Attendee> attendees) {}

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    static String request(Event event) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "PRODID:-//Tvaers//Netvaerksmoede//DA");
        line(ics, "VERSION:2.0");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:REQUEST");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + event.uid());
        line(ics, "SEQUENCE:" + event.sequence());
        line(ics, "DTSTAMP:" + UTC.format(event.stamp()));
        line(ics, "DTSTART:" + UTC.format(event.start()));
        line(ics, "DTEND:" + UTC.format(event.end()));
        line(ics, "SUMMARY:" + text(event.summary()));
        line(ics, "LOCATION:" + text(event.location()));
        line(ics, "DESCRIPTION:" + text(event.description()));
        line(ics, "ORGANIZER;CN=" + param(event.organizer().name()) + ":mailto:" + event.organizer().email());
        for (Attendee attendee : event.attendees()) {
            line(ics, "ATTENDEE;CN=" + param(attendee.name()) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:"
                    + attendee.email());
        }
        line(ics, "STATUS:CONFIRMED");
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT values: backslash, semicolon, comma and new lines escaped (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** A parameter value: quoted, with the characters a quoted value cannot hold removed. */
    private static String param(String value) {
        return "\"" + value.replace("\"", "").replace("\r", "").replace("\n", " ") + "\"";
    }

    /** Appends one content line folded at 75 octets (never inside a UTF-8 character), ending in CRLF. */
    static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
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
}
