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

/** A department's part in one case, with the reasons the rules gave for suggesting it. */
@Entity
@Table(name = "case_department")
public class DepartmentInvolvement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Department department;
    @Enumerated(EnumType.STRING)
    private InvolvementStatus status;
    private LocalDate suggestedOn;
    private Integer suggestedByVersion;
    private LocalDate decidedOn;
    private String decidedBy;
    private String decisionReason;

    @ElementCollection
    @CollectionTable(name = "case_department_reason", joinColumns = @JoinColumn(name = "department_id"))
    private List<Reason> reasons = new ArrayList<>();

    protected DepartmentInvolvement() {
    }

    DepartmentInvolvement(Department department, LocalDate suggestedOn) {
        this.department = department;
        this.status = InvolvementStatus.SUGGESTED;
        this.suggestedOn = suggestedOn;
    }

    public Department department() { return department; }
    public InvolvementStatus status() { return status; }
    public LocalDate suggestedOn() { return suggestedOn; }
    public Optional<LocalDate> decidedOn() { return Optional.ofNullable(decidedOn); }
    public Optional<String> decidedBy() { return Optional.ofNullable(decidedBy); }
    public Optional<String> decisionReason() { return Optional.ofNullable(decisionReason); }
    public List<Reason> reasons() { return Collections.unmodifiableList(reasons); }

    /** The rule-set version whose rules gave the present reasons (empty for suggestions made before versions). */
    public Optional<Integer> suggestedByVersion() { return Optional.ofNullable(suggestedByVersion); }

    void replaceReasons(List<Reason> newReasons, int ruleSetVersion) {
        // Compared as a plain list: Hibernate's bag answers equals by identity, which would rewrite every row on every evaluation.
        if (!List.copyOf(reasons).equals(newReasons) || suggestedByVersion == null) {
            reasons.clear();
            reasons.addAll(newReasons);
            suggestedByVersion = ruleSetVersion;
        }
    }

    void involve(LocalDate on, String by, String reason) {
        this.status = InvolvementStatus.INVOLVED;
        this.decidedOn = on;
        this.decidedBy = by;
        this.decisionReason = reason;
    }

    void decline(LocalDate on, String by, String reason) {
        this.status = InvolvementStatus.DECLINED;
        this.decidedOn = on;
        this.decidedBy = by;
        this.decisionReason = reason;
    }
}
