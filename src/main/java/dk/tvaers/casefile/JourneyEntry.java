package dk.tvaers.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One line of the citizen's journey as data: what happened ({@code type}), the code it is about
 * ({@code subject}: a stage, a department, an effort type, an alarm…), and the arguments of its text
 * ({@link JourneyArgs}). Readers render it through the {@code journey.<type>} bundle keys in their own
 * language; no prose is stored. Lines written before the journey was data keep their Danish text
 * ({@link #legacyText}) where the migration could not read them back.
 */
@Entity
@Table(name = "case_event")
public class JourneyEntry {

    /** What an anonymised line keeps of its text: nothing. */
    static final String FORGOTTEN = "(anonymiseret)";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseId;
    private LocalDate occurredOn;
    private Instant recordedAt;
    @Column(name = "event_type")
    private String type;
    private String subject;
    @Convert(converter = JourneyArgs.Column.class)
    private List<String> args;
    private String detail;

    protected JourneyEntry() {
    }

    JourneyEntry(String caseId, LocalDate occurredOn, Instant recordedAt, String type, String subject, List<String> args) {
        this.caseId = caseId;
        this.occurredOn = occurredOn;
        this.recordedAt = recordedAt;
        this.type = type;
        this.subject = subject;
        this.args = List.copyOf(args);
    }

    /** Anonymisation: the type, the code and the date stay; every argument (names, reasons, texts) goes. */
    void forget() {
        this.args = null;
        this.detail = FORGOTTEN;
    }

    public Long id() { return id; }
    public String caseId() { return caseId; }
    public LocalDate occurredOn() { return occurredOn; }
    public Instant recordedAt() { return recordedAt; }
    public String type() { return type; }
    public Optional<String> subject() { return Optional.ofNullable(subject); }

    /** The text's arguments, encoded as {@link JourneyArgs} writes them; empty for a forgotten or legacy line. */
    public List<String> args() { return args == null ? List.of() : args; }

    /** The stored Danish text of a line that is not data (written before, or anonymised); empty otherwise. */
    public Optional<String> legacyText() { return args == null ? Optional.ofNullable(detail) : Optional.empty(); }

    public boolean isForgotten() { return FORGOTTEN.equals(detail) && args == null; }
}
