package dk.tvaers.rules;

import java.time.LocalDate;

/**
 * An alarm a rule raises: {@code subject} tells several alarms of one code apart (an effort, an
 * agreement, a department); {@code since} is the first day the alarm holds.
 */
public record Alarm(String code, String subject, String severity, LocalDate since, String rule, String text) {

    public String key() {
        return code + "/" + subject;
    }
}
