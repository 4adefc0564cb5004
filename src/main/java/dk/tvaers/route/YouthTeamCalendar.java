package dk.tvaers.route;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the youth team meets: from a first meeting, every {@code interval-days} days. The sparring
 * task is due at the next meeting; a case not reached is moved on to the one after.
 */
@Component("youthTeamCalendar")
public class YouthTeamCalendar {

    private final LocalDateTime firstMeeting;
    private final int intervalDays;
    private final Clock clock;

    YouthTeamCalendar(@Value("${tvaers.route.youth-team.first-meeting:2026-01-06T09:00}") LocalDateTime firstMeeting,
                      @Value("${tvaers.route.youth-team.interval-days:14}") int intervalDays, Clock clock) {
        if (intervalDays < 1) {
            throw new IllegalStateException("tvaers.route.youth-team.interval-days skal være mindst 1");
        }
        this.firstMeeting = firstMeeting;
        this.intervalDays = intervalDays;
        this.clock = clock;
    }

    /** The next meeting that has not yet begun. */
    public ZonedDateTime nextMeetingTime() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime first = firstMeeting.atZone(clock.getZone());
        if (!now.isAfter(first)) {
            return first;
        }
        long periods = ChronoUnit.DAYS.between(first.toLocalDate(), now.toLocalDate()) / intervalDays;
        ZonedDateTime candidate = first.plusDays(periods * intervalDays);
        while (!candidate.isAfter(now)) {
            candidate = candidate.plusDays(intervalDays);
        }
        return candidate;
    }

    /** For the task's due date: {@code ${youthTeamCalendar.nextMeeting()}}. */
    public Date nextMeeting() {
        return Date.from(nextMeetingTime().toInstant());
    }

    public LocalDate nextMeetingDate() {
        return nextMeetingTime().toLocalDate();
    }

    /**
     * For the boundary timer: the morning after each meeting from the next one on, so that a case
     * the team did not reach is moved on to the following meeting.
     */
    public String reminderCycle() {
        ZonedDateTime dayAfter = nextMeetingTime().toLocalDate().plusDays(1).atTime(LocalTime.of(7, 0)).atZone(clock.getZone());
        return "R/" + dayAfter.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P" + intervalDays + "D";
    }
}
