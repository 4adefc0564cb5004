package dk.tvaers.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One line of the citizen's journey: what happened on the case, when, in Danish. */
@Entity
@Table(name = "case_event")
public class JourneyEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseId;
    private LocalDate occurredOn;
    private Instant recordedAt;
    @Column(name = "event_type")
    private String type;
    private String detail;

    protected JourneyEntry() {
    }

    public JourneyEntry(String caseId, LocalDate occurredOn, Instant recordedAt, String type, String detail) {
        this.caseId = caseId;
        this.occurredOn = occurredOn;
        this.recordedAt = recordedAt;
        this.type = type;
        this.detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    }

    void forgetDetail() {
        this.detail = "(anonymiseret)";
    }

    public Long id() { return id; }
    public String caseId() { return caseId; }
    public LocalDate occurredOn() { return occurredOn; }
    public Instant recordedAt() { return recordedAt; }
    public String type() { return type; }
    public String detail() { return detail; }
}
