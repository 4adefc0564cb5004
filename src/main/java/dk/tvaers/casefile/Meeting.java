package dk.tvaers.casefile;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A meeting held about the case: sparring, network meeting, internship meetings, follow-up. */
@Entity
@Table(name = "meeting")
public class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private MeetingKind kind;
    private LocalDate heldOn;
    private String outcome;
    private String note;

    @ElementCollection
    @CollectionTable(name = "meeting_participant", joinColumns = @JoinColumn(name = "meeting_id"))
    private List<Participant> participants = new ArrayList<>();

    protected Meeting() {
    }

    public Meeting(MeetingKind kind, LocalDate heldOn, String outcome, String note, List<Participant> participants) {
        this.kind = kind;
        this.heldOn = heldOn;
        this.outcome = outcome;
        this.note = note;
        this.participants.addAll(participants);
    }

    /** Keeps who took part by role and department, and forgets names and notes. */
    void forgetPeople() {
        this.note = null;
        List<Participant> kept = participants.stream().map(p -> new Participant(p.role(), p.department(), null)).toList();
        participants.clear();
        participants.addAll(kept);
    }

    public Long id() { return id; }
    public MeetingKind kind() { return kind; }
    public LocalDate heldOn() { return heldOn; }
    public Optional<String> outcome() { return Optional.ofNullable(outcome); }
    public Optional<String> note() { return Optional.ofNullable(note); }
    public List<Participant> participants() { return Collections.unmodifiableList(participants); }
}
