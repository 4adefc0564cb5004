package dk.tvaers.casefile;

import dk.tvaers.casefile.CaseFileEvents.AgreementDone;
import dk.tvaers.casefile.CaseFileEvents.CaseClosed;
import dk.tvaers.casefile.CaseFileEvents.CaseReferred;
import dk.tvaers.casefile.CaseFileEvents.ConsentGiven;
import dk.tvaers.casefile.CaseFileEvents.ConsentWithdrawn;
import dk.tvaers.casefile.CaseFileEvents.CoordinatorAssigned;
import dk.tvaers.casefile.CaseFileEvents.DepartmentDecided;
import dk.tvaers.casefile.CaseFileEvents.EffortMoved;
import dk.tvaers.casefile.CaseFileEvents.EffortRecorded;
import dk.tvaers.casefile.CaseFileEvents.FlagsChanged;
import dk.tvaers.casefile.CaseFileEvents.MeetingRecorded;
import dk.tvaers.casefile.CaseFileEvents.RouteStepReached;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case file's one door: every change goes through here, lands on the citizen's journey and
 * is announced as a {@link CaseChanged} event, to which rule evaluation listens.
 */
@Service
@Transactional
public class CaseFiles {

    private final Cases cases;
    private final Journeys journeys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseFiles(Cases cases, Journeys journeys, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.journeys = journeys;
        this.events = events;
        this.clock = clock;
    }

    /** The result of a referral: the case, and whether this call created it. */
    public record Referred(CaseFile caseFile, boolean created) {}

    /**
     * Opens a case from a referral, or returns the existing one when the same referral arrives
     * again.
     *
     * @throws ReferralConflictException when the key is known with different content
     * @throws IllegalArgumentException when the CPR number is not valid
     */
    public Referred refer(Referral referral) {
        String digest = referral.digest();
        Optional<CaseFile> existing = cases.findByExternalRef(referral.externalRef());
        if (existing.isPresent()) {
            if (existing.get().referralDigest().equals(digest)) {
                return new Referred(loaded(existing.get()), false);
            }
            throw new ReferralConflictException(referral.externalRef(), existing.get().id());
        }
        CaseFile caseFile = cases.saveAndFlush(new CaseFile(referral, digest, clock.instant()));
        record(caseFile.id(), referral.referralDate(), "REFERRED", referral.referredBy().name(),
                JourneyArgs.code("department", referral.referredBy()), JourneyArgs.codes("flag", referral.flags()));
        publish(new CaseReferred(caseFile.id(), caseFile.externalRef()));
        return new Referred(caseFile, true);
    }

    /** The whole case, loaded: it may be read after the transaction has ended. */
    @Transactional(readOnly = true)
    public Optional<CaseFile> find(String caseId) {
        return cases.findById(caseId).map(CaseFiles::loaded);
    }

    /** The case's referral date, without loading the rest of it (in the referral's own transaction: from memory). */
    @Transactional(readOnly = true)
    public Optional<LocalDate> referralDate(String caseId) {
        return cases.findById(caseId).map(CaseFile::referralDate);
    }

    /**
     * Several case files in one query, with what the rules read of them (flags, departments, consents,
     * efforts, meetings, agreements) fetched for the whole batch at once, a query per collection
     * ({@code hibernate.default_batch_fetch_size}); in no particular order. The rest (progression,
     * goals, a meeting's participants) stays lazy: read the cases in the caller's transaction.
     */
    @Transactional(readOnly = true)
    public List<CaseFile> findAllForEvaluation(java.util.Collection<String> caseIds) {
        return cases.findAllById(caseIds).stream().map(CaseFiles::loadedForRules).toList();
    }

    @Transactional(readOnly = true)
    public Optional<CaseFile> findByExternalRef(String externalRef) {
        return cases.findByExternalRef(externalRef).map(CaseFiles::loaded);
    }

    /** Touches every collection, so the aggregate can be read after its transaction. */
    private static CaseFile loaded(CaseFile caseFile) {
        loadedForRules(caseFile).meetings().forEach(m -> m.participants().size());
        caseFile.progression().size();
        caseFile.goals().size();
        return caseFile;
    }

    /** Touches the collections the rules read (CaseEvaluation's snapshot, and the suggestions it brings back). */
    private static CaseFile loadedForRules(CaseFile caseFile) {
        caseFile.flags().size();
        caseFile.departments().forEach(d -> d.reasons().size());
        caseFile.consents().forEach(c -> c.departments().size());
        caseFile.efforts().size();
        caseFile.meetings().size();
        caseFile.agreements().size();
        return caseFile;
    }

    /** The ids of the active cases, in order. */
    @Transactional(readOnly = true)
    public List<String> activeCaseIds() {
        return cases.findActiveIds();
    }

    /** The ids of the active cases from {@code from} (included) to {@code to} (excluded; null: to the last), in order. */
    @Transactional(readOnly = true)
    public List<String> activeCaseIds(String from, String to) {
        return to == null ? cases.findActiveIdsFrom(from) : cases.findActiveIdsBetween(from, to);
    }

    @Transactional(readOnly = true)
    public List<JourneyEntry> journey(String caseId) {
        return journeys.findByCaseIdOrderByOccurredOnAscIdAsc(caseId);
    }

    public CaseFile replaceFlags(String caseId, Collection<Flag> flags) {
        CaseFile caseFile = load(caseId);
        caseFile.replaceFlags(flags);
        record(caseId, today(), "FLAGS", null, JourneyArgs.codes("flag", caseFile.flags()));
        publish(new FlagsChanged(caseId, Set.copyOf(caseFile.flags())));
        return caseFile;
    }

    public CaseFile assignCoordinator(String caseId, String user) {
        CaseFile caseFile = load(caseId);
        caseFile.assignCoordinator(user);
        record(caseId, today(), "COORDINATOR", null, JourneyArgs.text(user));
        publish(new CoordinatorAssigned(caseId, user));
        return caseFile;
    }

    public CaseFile decideDepartment(String caseId, Department department, boolean involve, String reason, String by) {
        CaseFile caseFile = load(caseId);
        caseFile.decide(department, involve, reason, today(), by);
        boolean hasReason = reason != null && !reason.isBlank();
        record(caseId, today(), involve ? "DEPARTMENT_INVOLVED" : "DEPARTMENT_DECLINED", department.name(),
                JourneyArgs.code("department", department), JourneyArgs.text(hasReason ? reason : ""), JourneyArgs.number(hasReason ? 1 : 0));
        publish(new DepartmentDecided(caseId, department, involve ? InvolvementStatus.INVOLVED : InvolvementStatus.DECLINED));
        return caseFile;
    }

    public CaseFile giveConsent(String caseId, ConsentGiver givenBy, Set<Department> departments, LocalDate givenOn) {
        CaseFile caseFile = load(caseId);
        caseFile.giveConsent(givenBy, departments, givenOn);
        record(caseId, givenOn, "CONSENT_GIVEN", givenBy.name(), JourneyArgs.code("givenBy", givenBy), JourneyArgs.codes("department", departments));
        publish(new ConsentGiven(caseId, Set.copyOf(departments)));
        return caseFile;
    }

    public CaseFile withdrawConsent(String caseId, LocalDate withdrawnOn) {
        CaseFile caseFile = load(caseId);
        caseFile.withdrawConsent(withdrawnOn);
        record(caseId, withdrawnOn, "CONSENT_WITHDRAWN", null);
        publish(new ConsentWithdrawn(caseId));
        return caseFile;
    }

    public Effort recordEffort(String caseId, EffortType type, Department department, LocalDate requestedOn,
                               LocalDate startedOn, LocalDate endedOn, String note) {
        CaseFile caseFile = load(caseId);
        Effort effort = caseFile.addEffort(type, department, requestedOn, startedOn, endedOn, note);
        cases.flush();
        record(caseId, requestedOn, "EFFORT_REQUESTED", type.name(), JourneyArgs.code("effort", type), JourneyArgs.code("department", department));
        if (startedOn != null) {
            record(caseId, startedOn, "EFFORT_STARTED", type.name(), JourneyArgs.code("effort", type), JourneyArgs.number(effort.waitingDays(startedOn)));
        }
        if (endedOn != null) {
            record(caseId, endedOn, "EFFORT_ENDED", type.name(), JourneyArgs.code("effort", type));
        }
        publish(new EffortRecorded(caseId, effort.id()));
        return effort;
    }

    public Effort startEffort(String caseId, long effortId, LocalDate startedOn) {
        Effort effort = effort(load(caseId), effortId);
        effort.start(startedOn);
        record(caseId, startedOn, "EFFORT_STARTED", effort.type().name(), JourneyArgs.code("effort", effort.type()),
                JourneyArgs.number(effort.waitingDays(startedOn)));
        publish(new EffortMoved(caseId, effortId));
        return effort;
    }

    public Effort endEffort(String caseId, long effortId, LocalDate endedOn) {
        Effort effort = effort(load(caseId), effortId);
        effort.end(endedOn);
        record(caseId, endedOn, "EFFORT_ENDED", effort.type().name(), JourneyArgs.code("effort", effort.type()));
        publish(new EffortMoved(caseId, effortId));
        return effort;
    }

    /** A goal agreed at a meeting, in the citizen's words, the dimension it is measured on (or null), and its sub-goals. */
    public record NewGoal(String text, Dimension dimension, List<String> subGoals) {}

    /**
     * Where a new agreement sits in the plan: under a sub-goal agreed at the same meeting (its goal and
     * sub-goal counted from 1 in the order given), under one agreed before (its id), or under none.
     */
    public record PlanPlace(Integer goal, Integer subGoal, Long subGoalId) {
        public static final PlanPlace NONE = new PlanPlace(null, null, null);

        /** The sub-goal {@code subGoal} of goal {@code goal} agreed at the same meeting, both counted from 1. */
        public static PlanPlace underNew(int goal, int subGoal) {
            return new PlanPlace(goal, subGoal, null);
        }

        /** A sub-goal agreed at an earlier meeting. */
        public static PlanPlace under(long subGoalId) {
            return new PlanPlace(null, null, subGoalId);
        }
    }

    /** A new agreement, before it is attached to a meeting. */
    public record NewAgreement(String text, String owner, LocalDate due, PlanPlace place) {
        public NewAgreement(String text, String owner, LocalDate due) {
            this(text, owner, due, PlanPlace.NONE);
        }
    }

    /** A change of a goal's or sub-goal's status, by its id. */
    public record GoalChange(long goalId, GoalStatus status) {}

    public Meeting recordMeeting(String caseId, Meeting meeting, List<NewAgreement> agreements) {
        return recordMeeting(caseId, meeting, List.of(), agreements);
    }

    /**
     * Records a meeting with the goals it agreed and its agreements, each under its sub-goal: an
     * agreement under a sub-goal from before names one of this case's sub-goals still worked on.
     */
    public Meeting recordMeeting(String caseId, Meeting meeting, List<NewGoal> goals, List<NewAgreement> agreements) {
        CaseFile caseFile = load(caseId);
        List<CaseRuleException.Violation> problems = new ArrayList<>();
        for (int i = 0; i < agreements.size(); i++) {
            Long subGoalId = agreements.get(i).place().subGoalId();
            if (subGoalId != null && caseFile.goals().stream().noneMatch(g -> g.id().equals(subGoalId) && g.isSubGoal() && g.status() == GoalStatus.ACTIVE)) {
                problems.add(CaseRuleException.Violation.of("agreements[" + i + "].subGoalId", "unknownSubGoal"));
            }
        }
        CaseRuleException.throwIfAny(problems);
        caseFile.addMeeting(meeting);
        cases.flush();
        List<Goal> added = goals.stream().map(g -> caseFile.addGoal(new Goal(null, meeting.id(), g.text(), g.dimension(), meeting.heldOn()))).toList();
        cases.flush();
        List<List<Goal>> subGoals = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            Long parent = added.get(i).id();
            subGoals.add(goals.get(i).subGoals().stream().map(text -> caseFile.addGoal(new Goal(parent, meeting.id(), text, null, meeting.heldOn()))).toList());
        }
        cases.flush();
        for (NewAgreement agreement : agreements) {
            PlanPlace place = agreement.place();
            Long subGoalId = place.subGoalId() != null ? place.subGoalId()
                    : place.goal() != null ? subGoals.get(place.goal() - 1).get(place.subGoal() - 1).id() : null;
            caseFile.addAgreement(new Agreement(meeting.id(), subGoalId, agreement.text(), agreement.owner(), agreement.due()));
        }
        record(caseId, meeting.heldOn(), "MEETING", meeting.kind().name(), JourneyArgs.code("meeting", meeting.kind()),
                meeting.outcome().map(o -> "@value:" + o).orElse(""), JourneyArgs.number(meeting.outcome().isPresent() ? 1 : 0),
                JourneyArgs.number(agreements.size()));
        for (int i = 0; i < goals.size(); i++) {
            record(caseId, meeting.heldOn(), "GOAL_AGREED", null, JourneyArgs.text(goals.get(i).text()), JourneyArgs.number(goals.get(i).subGoals().size()));
        }
        publish(new MeetingRecorded(caseId, meeting.kind()));
        return meeting;
    }

    /** Revises the plan at a follow-up: each goal or sub-goal named gets its status; unknown ids change nothing. */
    public CaseFile reviseGoals(String caseId, LocalDate on, List<GoalChange> changes) {
        CaseFile caseFile = load(caseId);
        List<CaseRuleException.Violation> problems = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            long id = changes.get(i).goalId();
            if (caseFile.goals().stream().noneMatch(g -> g.id() == id)) {
                problems.add(CaseRuleException.Violation.of("goals[" + i + "].id", "unknownGoal"));
            }
        }
        CaseRuleException.throwIfAny(problems);
        for (GoalChange change : changes) {
            Goal goal = caseFile.goals().stream().filter(g -> g.id() == change.goalId()).findFirst().orElseThrow();
            if (goal.changeStatus(change.status(), on)) {
                record(caseId, on, "GOAL_STATUS", change.status().name(), JourneyArgs.text(goal.text()), JourneyArgs.number(goal.isSubGoal() ? 1 : 0));
            }
        }
        return caseFile;
    }

    public Agreement completeAgreement(String caseId, long agreementId, LocalDate doneOn) {
        CaseFile caseFile = load(caseId);
        Agreement agreement = caseFile.agreements().stream().filter(a -> a.id() == agreementId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Aftalen findes ikke på sagen: " + agreementId));
        agreement.markDone(doneOn);
        record(caseId, doneOn, "AGREEMENT_DONE", null, JourneyArgs.text(agreement.text()));
        publish(new AgreementDone(caseId, agreementId));
        return agreement;
    }

    public CaseFile recordProgression(String caseId, LocalDate on, Map<Dimension, Integer> scores) {
        CaseFile caseFile = load(caseId);
        scores.forEach((dimension, score) -> caseFile.addProgression(new ProgressionScore(on, dimension, score)));
        record(caseId, on, "PROGRESSION", null, "@value:" + scores.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining(",")));
        return caseFile;
    }

    /** Called by the route when a case reaches a step; a repeated step is recorded once. */
    public CaseFile moveTo(String caseId, Stage stage) {
        CaseFile caseFile = load(caseId);
        if (caseFile.moveTo(stage, today())) {
            record(caseId, today(), "STAGE", stage.name(), JourneyArgs.code("stage", stage));
            publish(new RouteStepReached(caseId, stage));
        }
        return caseFile;
    }

    public CaseFile close(String caseId, Outcome outcome) {
        CaseFile caseFile = load(caseId);
        if (caseFile.isActive()) {
            caseFile.close(outcome, today());
            record(caseId, today(), "CLOSED", outcome.name(), JourneyArgs.code("outcome", outcome));
            publish(new CaseClosed(caseId, outcome));
        }
        return caseFile;
    }

    /**
     * Brings the rule engine's department suggestions into the case. Not announced as a change,
     * since it is itself the answer to one.
     */
    public CaseFile applySuggestions(String caseId, Map<Department, List<Reason>> suggestions, int ruleSetVersion) {
        CaseFile caseFile = load(caseId);
        Set<Department> before = caseFile.departments().stream()
                .filter(d -> d.status() == InvolvementStatus.SUGGESTED).map(DepartmentInvolvement::department)
                .collect(Collectors.toSet());
        caseFile.applySuggestions(suggestions, ruleSetVersion, today());
        suggestions.keySet().stream()
                .filter(d -> !before.contains(d) && caseFile.department(d).map(i -> i.status() == InvolvementStatus.SUGGESTED).orElse(false))
                .sorted()
                .forEach(d -> record(caseId, today(), "SUGGESTED", d.name(), JourneyArgs.code("department", d),
                        JourneyArgs.text(suggestions.get(d).stream().map(Reason::text).collect(Collectors.joining("; ")))));
        return caseFile;
    }

    /** The closed cases whose retention ran out before the given day and are not yet anonymised. */
    @Transactional(readOnly = true)
    public List<String> closedBeforeAndNotAnonymised(LocalDate before) {
        return cases.findClosedBeforeNotAnonymised(before);
    }

    /** Anonymises one closed case: see {@link CaseFile#anonymise}. The journey keeps its types and dates only. */
    public void anonymise(String caseId) {
        CaseFile caseFile = load(caseId);
        if (caseFile.isActive() || caseFile.anonymisedOn().isPresent()) {
            return;
        }
        caseFile.anonymise(today());
        journeys.findByCaseIdOrderByOccurredOnAscIdAsc(caseId).forEach(JourneyEntry::forget);
        record(caseId, today(), "ANONYMISED", null);
        events.publishEvent(new CaseFileEvents.CaseAnonymised(caseId));
    }

    /**
     * Adds a line to the journey that is not itself a change of the case file: its type, the code it is
     * about (or null) and its text's arguments as {@link JourneyArgs} writes them; the text is the
     * bundle key {@code journey.<type>.<subject>}, else {@code journey.<type>}.
     */
    public void note(String caseId, LocalDate on, String type, String subject, String... args) {
        load(caseId);
        record(caseId, on, type, subject, args);
    }

    /** Flushes first, so that listeners see every new part of the case with its id. */
    private void publish(CaseChanged event) {
        cases.flush();
        events.publishEvent(event);
    }

    private CaseFile load(String caseId) {
        return cases.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    private static Effort effort(CaseFile caseFile, long effortId) {
        return caseFile.efforts().stream().filter(e -> e.id() == effortId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Indsatsen findes ikke på sagen: " + effortId));
    }

    private void record(String caseId, LocalDate on, String type, String subject, String... args) {
        journeys.save(new JourneyEntry(caseId, on, clock.instant(), type, subject, List.of(args)));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }


}
