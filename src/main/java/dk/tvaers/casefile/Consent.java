package dk.tvaers.casefile;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Informed consent to share the case with named departments, until withdrawn. */
@Entity
@Table(name = "consent")
public class Consent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private ConsentGiver givenBy;
    private LocalDate givenOn;
    private LocalDate withdrawnOn;

    @ElementCollection
    @CollectionTable(name = "consent_department", joinColumns = @JoinColumn(name = "consent_id"))
    @Column(name = "department")
    @Enumerated(EnumType.STRING)
    private Set<Department> departments = EnumSet.noneOf(Department.class);

    protected Consent() {
    }

    Consent(ConsentGiver givenBy, Set<Department> departments, LocalDate givenOn) {
        this.givenBy = givenBy;
        this.givenOn = givenOn;
        this.departments = departments.isEmpty() ? EnumSet.noneOf(Department.class) : EnumSet.copyOf(departments);
    }

    public Long id() { return id; }
    public ConsentGiver givenBy() { return givenBy; }
    public LocalDate givenOn() { return givenOn; }
    public Optional<LocalDate> withdrawnOn() { return Optional.ofNullable(withdrawnOn); }
    public Set<Department> departments() { return Collections.unmodifiableSet(departments); }

    public boolean isValidOn(LocalDate date) {
        return !givenOn.isAfter(date) && (withdrawnOn == null || withdrawnOn.isAfter(date));
    }

    public boolean covers(Department department) {
        return departments.contains(department);
    }

    void withdraw(LocalDate on) {
        this.withdrawnOn = on;
    }
}
