package dk.tvaers.alarms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;

/** An alarm on a case: open while {@code clearedOn} is empty; cleared ones stay for the journey. */
@Entity
@Table(name = "case_alarm")
public class CaseAlarm {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseId;
    private String code;
    private String subject;
    private String severity;
    private LocalDate since;
    @Column(name = "rule_name")
    private String rule;
    private String text;
    private LocalDate raisedOn;
    private LocalDate clearedOn;
    /** The rule-set version that raised it (empty for alarms raised before versions). */
    private Integer ruleSetVersion;

    protected CaseAlarm() {
    }

    CaseAlarm(String caseId, dk.tvaers.rules.Alarm alarm, int ruleSetVersion, LocalDate raisedOn) {
        this.caseId = caseId;
        this.ruleSetVersion = ruleSetVersion;
        this.code = alarm.code();
        this.subject = alarm.subject();
        this.raisedOn = raisedOn;
        refresh(alarm);
    }

    public Long id() { return id; }
    public String caseId() { return caseId; }
    public String code() { return code; }
    public String subject() { return subject; }
    public String severity() { return severity; }
    public LocalDate since() { return since; }
    public String rule() { return rule; }
    public String text() { return text; }
    public LocalDate raisedOn() { return raisedOn; }
    public Optional<LocalDate> clearedOn() { return Optional.ofNullable(clearedOn); }
    public Optional<Integer> ruleSetVersion() { return Optional.ofNullable(ruleSetVersion); }

    String key() {
        return code + "/" + subject;
    }

    /** The rule still holds; its text (days waited) and severity may have moved on. */
    void refresh(dk.tvaers.rules.Alarm alarm) {
        this.severity = alarm.severity();
        this.since = alarm.since();
        this.rule = alarm.rule();
        this.text = alarm.text().length() > 1000 ? alarm.text().substring(0, 1000) : alarm.text();
    }

    void clear(LocalDate on) {
        this.clearedOn = on;
    }
}
