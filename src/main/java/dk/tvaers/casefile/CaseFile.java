package dk.tvaers.casefile;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** One citizen's case: the aggregate that holds everything the route and the rules know of it. */
@Entity
@Table(name = "case_file")
public class CaseFile {

    @Id
    private String id;
    private String externalRef;
    private String referralDigest;
    private String citizenName;
    @Column(name = "cpr")
    private String cprDigits;
    private LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    private Department referredBy;
    private LocalDate referralDate;
    private String note;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    private LocalDate stageSince;
    private String coordinator;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private LocalDate closedOn;
    private Instant createdAt;
    private LocalDate anonymisedOn;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "case_flag", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "flag")
    @Enumerated(EnumType.STRING)
    private Set<Flag> flags = new TreeSet<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderBy("id")
    private List<DepartmentInvolvement> departments = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderBy("id")
    private List<Consent> consents = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderBy("id")
    private List<Effort> efforts = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderBy("id")
    private List<Meeting> meetings = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderBy("id")
    private List<Agreement> agreements = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderBy("id")
    private List<ProgressionScore> progression = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderBy("id")
    private List<Goal> goals = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderBy("id")
    private List<StageStay> stays = new ArrayList<>();

    protected CaseFile() {
    }

    CaseFile(Referral referral, String referralDigest, Instant now) {
        Cpr cpr = Cpr.parse(referral.cpr());
        this.id = UUID.randomUUID().toString();
        this.externalRef = referral.externalRef();
        this.referralDigest = referralDigest;
        this.citizenName = referral.citizenName();
        this.cprDigits = cpr.digits();
        this.birthDate = cpr.birthDate();
        this.referredBy = referral.referredBy();
        this.referralDate = referral.referralDate();
        this.note = referral.note();
        this.status = CaseStatus.ACTIVE;
        this.stage = Stage.REFERRAL;
        this.stageSince = referral.referralDate();
        this.stays.add(new StageStay(Stage.REFERRAL, referral.referralDate()));
        this.coordinator = referral.coordinator();
        this.createdAt = now;
        this.flags.addAll(referral.flags());
        // JOBCENTER is the hub: always involved, from the first day.
        DepartmentInvolvement jobcenter = new DepartmentInvolvement(Department.JOBCENTER, referral.referralDate());
        jobcenter.involve(referral.referralDate(), "system", "Jobcentret er altid involveret");
        this.departments.add(jobcenter);
    }

    public String id() { return id; }
    public String externalRef() { return externalRef; }
    public String referralDigest() { return referralDigest; }
    public String citizenName() { return citizenName; }
    public String cprMasked() { return Cpr.maskedFrom(cprDigits); }
    public LocalDate birthDate() { return birthDate; }
    public int ageOn(LocalDate date) { return Cpr.age(birthDate, date); }
    public Department referredBy() { return referredBy; }
    public LocalDate referralDate() { return referralDate; }
    public String note() { return note; }
    public CaseStatus status() { return status; }
    public Stage stage() { return stage; }
    public LocalDate stageSince() { return stageSince; }
    public Optional<String> coordinator() { return Optional.ofNullable(coordinator); }
    public Optional<Outcome> outcome() { return Optional.ofNullable(outcome); }
    public Optional<LocalDate> closedOn() { return Optional.ofNullable(closedOn); }
    public Instant createdAt() { return createdAt; }
    public Set<Flag> flags() { return Collections.unmodifiableSet(flags); }
    public List<DepartmentInvolvement> departments() { return Collections.unmodifiableList(departments); }
    public List<Consent> consents() { return Collections.unmodifiableList(consents); }
    public List<Effort> efforts() { return Collections.unmodifiableList(efforts); }
    public List<Meeting> meetings() { return Collections.unmodifiableList(meetings); }
    public List<Agreement> agreements() { return Collections.unmodifiableList(agreements); }
    public List<ProgressionScore> progression() { return Collections.unmodifiableList(progression); }
    /** The citizen's plan: goals and their sub-goals, in the order they were agreed. */
    public List<Goal> goals() { return Collections.unmodifiableList(goals); }

    public Optional<LocalDate> anonymisedOn() { return Optional.ofNullable(anonymisedOn); }

    /**
     * Removes what identifies the citizen once the retention period has run out: name, CPR (the
     * birth date keeps only its year, for statistics), the sender's reference, free texts and the
     * names of meeting participants. The route, dates, departments, efforts and outcomes stay.
     */
    void anonymise(LocalDate on) {
        this.citizenName = "Anonymiseret";
        this.cprDigits = "0000000000";
        this.birthDate = LocalDate.of(birthDate.getYear(), 1, 1);
        this.externalRef = "ANON-" + id;
        this.note = null;
        this.coordinator = null;
        this.anonymisedOn = on;
        efforts.forEach(Effort::forgetNote);
        meetings.forEach(Meeting::forgetPeople);
        agreements.forEach(Agreement::forgetText);
        goals.forEach(Goal::forgetText);
    }

    /** Refuses a change to a closed case (a meeting called, minutes sent): it is kept as it was left. */
    public void requireActive() {
        if (!isActive()) {
            throw CaseRuleException.state("caseClosed");
        }
    }

    public boolean isActive() {
        return status == CaseStatus.ACTIVE;
    }

    public Optional<DepartmentInvolvement> department(Department code) {
        return departments.stream().filter(d -> d.department() == code).findFirst();
    }

    /** The consent in force on a date: given on or before it and not withdrawn by then. */
    public Optional<Consent> validConsentOn(LocalDate date) {
        return consents.stream().filter(c -> c.isValidOn(date)).reduce((first, second) -> second);
    }

    void replaceFlags(Collection<Flag> newFlags) {
        flags.clear();
        flags.addAll(newFlags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(newFlags));
    }

    void assignCoordinator(String user) {
        this.coordinator = user;
    }

    /**
     * Brings the rules' suggestions into the case: new ones become SUGGESTED, the reasons of
     * standing suggestions are refreshed, and a suggestion no rule makes any more disappears unless
     * someone has already answered it.
     */
    void applySuggestions(java.util.Map<Department, List<Reason>> suggestions, int ruleSetVersion, LocalDate today) {
        departments.removeIf(d -> d.status() == InvolvementStatus.SUGGESTED && !suggestions.containsKey(d.department()));
        suggestions.forEach((department, reasons) -> {
            DepartmentInvolvement involvement = department(department).orElseGet(() -> {
                DepartmentInvolvement created = new DepartmentInvolvement(department, today);
                departments.add(created);
                return created;
            });
            involvement.replaceReasons(reasons, ruleSetVersion);
        });
    }

    /** Involves or declines a department; the job centre coordinates every case and is never declined. */
    void decide(Department department, boolean involve, String reason, LocalDate on, String by) {
        if (department == Department.JOBCENTER && !involve) {
            throw CaseRuleException.state("jobcentreAlwaysInvolved");
        }
        DepartmentInvolvement involvement = department(department).orElseGet(() -> {
            DepartmentInvolvement created = new DepartmentInvolvement(department, on);
            departments.add(created);
            return created;
        });
        if (involve) {
            involvement.involve(on, by, reason);
        } else {
            involvement.decline(on, by, reason);
        }
    }

    Consent giveConsent(ConsentGiver givenBy, Set<Department> covered, LocalDate givenOn) {
        Consent consent = new Consent(givenBy, covered, givenOn);
        consents.add(consent);
        return consent;
    }

    /** Withdraws every consent in force; with none to withdraw nothing changes and the refusal says so. */
    void withdrawConsent(LocalDate withdrawnOn) {
        boolean any = false;
        for (Consent consent : consents) {
            if (consent.withdrawnOn().isEmpty()) {
                consent.withdraw(withdrawnOn);
                any = true;
            }
        }
        if (!any) {
            throw CaseRuleException.state("nothingToWithdraw");
        }
    }

    Effort addEffort(EffortType type, Department department, LocalDate requestedOn, LocalDate startedOn, LocalDate endedOn, String note) {
        Effort effort = new Effort(type, department, requestedOn, startedOn, endedOn, note);
        efforts.add(effort);
        return effort;
    }

    Meeting addMeeting(Meeting meeting) {
        meetings.add(meeting);
        return meeting;
    }

    Agreement addAgreement(Agreement agreement) {
        agreements.add(agreement);
        return agreement;
    }

    Goal addGoal(Goal goal) {
        goals.add(goal);
        return goal;
    }

    void addProgression(ProgressionScore score) {
        progression.add(score);
    }

    /** Moves the case to a stage; returns false when it was there already. */
    boolean moveTo(Stage next, LocalDate on) {
        if (stage == next) {
            return false;
        }
        this.stage = next;
        this.stageSince = on;
        stays.stream().filter(s -> s.leftOn() == null).forEach(s -> s.leave(on));
        if (next != Stage.CLOSED) {
            stays.add(new StageStay(next, on));
        }
        return true;
    }

    void close(Outcome outcome, LocalDate on) {
        this.status = CaseStatus.CLOSED;
        this.outcome = outcome;
        this.closedOn = on;
        moveTo(Stage.CLOSED, on);
    }
}
