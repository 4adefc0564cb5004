package dk.tvaers.alarms;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.CaseNotFoundException;
import dk.tvaers.casefile.Consent;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Meeting;
import dk.tvaers.casefile.MeetingKind;
import dk.tvaers.casefile.Reason;
import dk.tvaers.route.RouteProcess.SparringOutcome;
import dk.tvaers.route.RouteSchedule;
import dk.tvaers.rules.AgreementFact;
import dk.tvaers.rules.Alarm;
import dk.tvaers.rules.CaseFacts;
import dk.tvaers.rules.CaseSnapshot;
import dk.tvaers.rules.ConsentFact;
import dk.tvaers.rules.DepartmentFact;
import dk.tvaers.rules.EffortFact;
import dk.tvaers.rules.Evaluation;
import dk.tvaers.rules.RouteFacts;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.RuleSet;
import dk.tvaers.rules.Suggestion;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates a case with the active rules and brings the case in line with the result: the
 * suggestions go to the case file, the alarms are raised, refreshed or cleared.
 */
@Service
@Transactional
public class CaseEvaluation {

    private final CaseFiles caseFiles;
    private final CaseAlarms alarms;
    private final RuleEngine rules;
    private final RouteSchedule schedule;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CaseEvaluation(CaseFiles caseFiles, CaseAlarms alarms, RuleEngine rules, RouteSchedule schedule, Clock clock,
                   ApplicationEventPublisher events) {
        this.caseFiles = caseFiles;
        this.alarms = alarms;
        this.rules = rules;
        this.schedule = schedule;
        this.clock = clock;
        this.events = events;
    }

    /** Evaluates today and stores the outcome; returns the evaluation. */
    public Evaluation evaluate(String caseId) {
        CaseFile caseFile = caseFiles.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        LocalDate today = LocalDate.now(clock);
        return store(caseFile, today, schedule.nextScheduledStep(caseId, today).orElse(null),
                alarms.findByCaseIdAndClearedOnIsNullOrderById(caseId));
    }

    /**
     * Evaluates several cases today and stores each outcome, as {@link #evaluate} would one by one,
     * with what they read fetched for all of them at once: the case files, their route's schedule
     * and their open alarms. One transaction for all: the caller chooses the batch.
     */
    public int evaluateAll(Collection<String> caseIds) {
        LocalDate today = LocalDate.now(clock);
        List<CaseFile> found = caseFiles.findAllForEvaluation(caseIds);
        Map<String, LocalDate> nextSteps = schedule.nextScheduledSteps(caseIds, today);
        Map<String, List<CaseAlarm>> open = alarms.findByCaseIdInAndClearedOnIsNullOrderById(caseIds).stream()
                .collect(Collectors.groupingBy(CaseAlarm::caseId));
        for (CaseFile caseFile : found) {
            store(caseFile, today, nextSteps.get(caseFile.id()), open.getOrDefault(caseFile.id(), List.of()));
        }
        return found.size();
    }

    private Evaluation store(CaseFile caseFile, LocalDate today, LocalDate nextStep, List<CaseAlarm> openAlarms) {
        String caseId = caseFile.id();
        Evaluation evaluation = caseFile.isActive()
                ? rules.evaluate(snapshot(caseFile, today, nextStep))
                : new Evaluation(rules.active().version(), List.of(), List.of(), List.of());
        caseFiles.applySuggestions(caseId, suggestionsByDepartment(evaluation.suggestions()), evaluation.ruleSetVersion());
        Map<String, Integer> before = severityByCode(openAlarms.stream().map(a -> Map.entry(a.code(), a.severity())));
        storeAlarms(caseId, openAlarms, evaluation.alarms(), evaluation.ruleSetVersion(), today);
        Map<String, Integer> after = severityByCode(evaluation.alarms().stream().map(a -> Map.entry(a.code(), a.severity())));
        if (!after.equals(before)) {
            events.publishEvent(new AlarmsStored(caseId, after));
        }
        return evaluation;
    }

    private static Map<String, Integer> severityByCode(Stream<Map.Entry<String, String>> codeAndSeverity) {
        return codeAndSeverity.collect(Collectors.toMap(Map.Entry::getKey, e -> AlarmsStored.rank(e.getValue()), Math::max));
    }

    /** The alarms the given rules raise for the case on a date: computed, nothing stored. */
    @Transactional(readOnly = true)
    public Evaluation evaluateAsOf(String caseId, LocalDate asOf, RuleSet ruleSet) {
        CaseFile caseFile = caseFiles.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (!caseFile.isActive() && caseFile.closedOn().map(closed -> !closed.isAfter(asOf)).orElse(true)) {
            return new Evaluation(ruleSet.version(), List.of(), List.of(), List.of());
        }
        return ruleSet.evaluate(snapshot(caseFile, asOf));
    }

    @Transactional(readOnly = true)
    public List<CaseAlarm> openAlarms(String caseId) {
        return alarms.findByCaseIdAndClearedOnIsNullOrderById(caseId);
    }

    @Transactional(readOnly = true)
    public List<CaseAlarm> allAlarms(String caseId) {
        return alarms.findByCaseIdOrderById(caseId);
    }

    private void storeAlarms(String caseId, List<CaseAlarm> openAlarms, List<Alarm> raised, int ruleSetVersion, LocalDate today) {
        Map<String, Alarm> byKey = raised.stream()
                .collect(Collectors.toMap(Alarm::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        for (CaseAlarm open : openAlarms) {
            Alarm still = byKey.remove(open.key());
            if (still == null) {
                open.clear(today);
                caseFiles.note(caseId, today, "ALARM_CLEARED", open.code(), "@alarm:" + open.code());
            } else {
                open.refresh(still);
            }
        }
        for (Alarm alarm : byKey.values()) {
            alarms.save(new CaseAlarm(caseId, alarm, ruleSetVersion, today));
            caseFiles.note(caseId, today, "ALARM_RAISED", alarm.code(), "@alarm:" + alarm.code());
        }
    }

    private static Map<Department, List<Reason>> suggestionsByDepartment(List<Suggestion> suggestions) {
        Map<Department, List<Reason>> byDepartment = new LinkedHashMap<>();
        for (Suggestion suggestion : suggestions) {
            Department department = Department.valueOf(suggestion.department());
            byDepartment.computeIfAbsent(department, d -> new ArrayList<>()).add(new Reason(suggestion.rule(), suggestion.text()));
        }
        return byDepartment;
    }

    /** The facts of a case on a day, as the rules read them. */
    public CaseSnapshot snapshot(CaseFile caseFile, LocalDate today) {
        return snapshot(caseFile, today, schedule.nextScheduledStep(caseFile.id(), today).orElse(null));
    }

    /** The facts of several cases on a day, in their order, their route's schedule read at once. */
    public List<CaseSnapshot> snapshots(List<CaseFile> caseFiles, LocalDate today) {
        Map<String, LocalDate> nextSteps = schedule.nextScheduledSteps(caseFiles.stream().map(CaseFile::id).toList(), today);
        return caseFiles.stream().map(caseFile -> snapshot(caseFile, today, nextSteps.get(caseFile.id()))).toList();
    }

    private CaseSnapshot snapshot(CaseFile caseFile, LocalDate today, LocalDate nextStep) {
        CaseFacts facts = new CaseFacts(caseFile.id(), today, caseFile.ageOn(today), caseFile.birthDate().plusYears(18),
                caseFile.referralDate(), caseFile.stage().name(), caseFile.stageSince(), caseFile.stage().isPastConsent(),
                caseFile.coordinator().isPresent(), caseFile.flags().stream().map(Enum::name).collect(Collectors.toSet()));
        List<DepartmentFact> departments = caseFile.departments().stream()
                .map(d -> new DepartmentFact(d.department().name(), d.department().danishName(), d.status().name(),
                        d.suggestedOn(), d.decidedOn().orElse(null)))
                .toList();
        List<ConsentFact> consents = caseFile.consents().stream()
                .filter(c -> c.isValidOn(today))
                .map(c -> new ConsentFact(c.givenBy().name(), c.departments().stream().map(Enum::name).collect(Collectors.toSet()), c.givenOn()))
                .toList();
        // Only what had happened by that day counts: an asOf in the past must not see the future.
        List<EffortFact> efforts = caseFile.efforts().stream()
                .filter(e -> !e.requestedOn().isAfter(today))
                .map(e -> new EffortFact(e.id(), e.type().name(), e.type().danishName(), e.department().name(), e.requestedOn(),
                        e.startedOn().filter(d -> !d.isAfter(today)).orElse(null),
                        e.endedOn().filter(d -> !d.isAfter(today)).orElse(null)))
                .toList();
        List<AgreementFact> agreements = caseFile.agreements().stream()
                .map(a -> new AgreementFact(a.id(), a.text(), a.owner(), a.due(), a.doneOn().filter(d -> !d.isAfter(today)).isPresent()))
                .toList();
        return new CaseSnapshot(facts, routeFacts(caseFile, today, nextStep), departments, consents, efforts, agreements);
    }

    private static RouteFacts routeFacts(CaseFile caseFile, LocalDate today, LocalDate nextStep) {
        List<Meeting> meetings = caseFile.meetings().stream().filter(m -> !m.heldOn().isAfter(today)).toList();
        LocalDate sparring = latest(meetings, m -> m.kind() == MeetingKind.YOUTH_TEAM_SPARRING);
        LocalDate decided = latest(meetings, m -> (m.kind() == MeetingKind.YOUTH_TEAM_SPARRING && m.outcome().filter(SparringOutcome.INTERDISCIPLINARY.name()::equals).isPresent())
                || (m.kind() == MeetingKind.FOLLOW_UP && m.outcome().filter("NEW_NETWORK_MEETING"::equals).isPresent()));
        LocalDate networkMeeting = latest(meetings, m -> m.kind() == MeetingKind.NETWORK_MEETING);
        LocalDate followUp = latest(meetings, m -> m.kind() == MeetingKind.FOLLOW_UP || m.kind() == MeetingKind.INTERNSHIP_EVALUATION);
        LocalDate lastActivity = Stream.of(
                        Stream.of(caseFile.referralDate(), caseFile.stageSince()),
                        meetings.stream().map(Meeting::heldOn),
                        caseFile.efforts().stream().flatMap(e -> Stream.of(e.startedOn().orElse(null), e.endedOn().orElse(null))),
                        caseFile.consents().stream().map(Consent::givenOn))
                .flatMap(Function.identity())
                .filter(Objects::nonNull)
                .filter(d -> !d.isAfter(today))
                .max(Comparator.naturalOrder())
                .orElse(caseFile.referralDate());
        return new RouteFacts(sparring, decided, networkMeeting, followUp, nextStep, lastActivity);
    }

    private static LocalDate latest(List<Meeting> meetings, java.util.function.Predicate<Meeting> which) {
        return meetings.stream().filter(which).map(Meeting::heldOn).max(Comparator.naturalOrder()).orElse(null);
    }
}
