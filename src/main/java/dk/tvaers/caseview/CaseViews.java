package dk.tvaers.caseview;

import dk.tvaers.alarms.CaseAlarm;
import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.casefile.Agreement;
import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CitizenPlan;
import dk.tvaers.casefile.Consent;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.DepartmentInvolvement;
import dk.tvaers.casefile.Effort;
import dk.tvaers.route.RouteSchedule;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Builds the API's views of a case from the case file, its open alarms and its open tasks. */
@Component
public class CaseViews {

    /** Critical before warnings before information, and within each the one that has waited longest first. */
    static final java.util.Comparator<CaseAlarm> MOST_SERIOUS_FIRST = java.util.Comparator
            .comparingInt((CaseAlarm a) -> switch (a.severity()) {
                case "CRITICAL" -> 0;
                case "WARNING" -> 1;
                default -> 2;
            })
            .thenComparing(CaseAlarm::since)
            .thenComparing(CaseAlarm::id);

    private final CaseEvaluation alarms;
    private final RouteSchedule schedule;
    private final Clock clock;

    CaseViews(CaseEvaluation alarms, RouteSchedule schedule, Clock clock) {
        this.alarms = alarms;
        this.schedule = schedule;
        this.clock = clock;
    }

    public CaseView view(CaseFile c) {
        LocalDate today = LocalDate.now(clock);
        return new CaseView(c.id(), c.externalRef(),
                new CaseView.Citizen(c.citizenName(), c.cprMasked(), c.ageOn(today), c.birthDate()),
                c.status().name(), c.stage().name(), c.stageSince(), c.coordinator().orElse(null), c.referredBy().name(),
                c.referralDate(), c.note(), c.outcome().map(Enum::name).orElse(null),
                c.flags().stream().map(Enum::name).sorted().toList(),
                consent(c, today),
                c.departments().stream().map(CaseViews::department).toList(),
                alarms.openAlarms(c.id()).stream().sorted(MOST_SERIOUS_FIRST).map(CaseViews::alarm).toList(),
                c.efforts().stream().map(e -> effort(e, today)).toList(),
                c.agreements().stream().map(a -> agreement(a, today)).toList(),
                schedule.openTasks(c.id()).stream().map(CaseViews::task).toList());
    }

    /** Under 18 only the custody holder's consent shares the case (as {@code CaseAccessPolicy} applies it). */
    static final String MINOR_CITIZEN_CONSENT = "Borgeren er under 18 år; kun forældremyndighedsindehaverens samtykke giver andre afdelinger adgang";

    /** The consent as the case view shows it: the one that counts today (for a minor, the custody holder's), or why none does. */
    public static CaseView.ConsentView consent(CaseFile c, LocalDate today) {
        boolean minor = c.ageOn(today) < 18;
        List<Consent> valid = c.consents().stream().filter(k -> k.isValidOn(today)).toList();
        Optional<Consent> counting = valid.stream().filter(k -> !minor || k.givenBy() == ConsentGiver.CUSTODY_HOLDER).findFirst();
        if (counting.isPresent()) {
            Consent consent = counting.get();
            return new CaseView.ConsentView("GIVEN", consent.givenBy().name(), consent.departments().stream().map(Enum::name).sorted().toList(),
                    consent.givenOn(), null, null);
        }
        if (!valid.isEmpty()) {
            Consent consent = valid.get(0);
            return new CaseView.ConsentView("INSUFFICIENT", consent.givenBy().name(), List.of(), consent.givenOn(), null, MINOR_CITIZEN_CONSENT);
        }
        Optional<Consent> withdrawn = c.consents().stream().filter(k -> k.withdrawnOn().isPresent())
                .max(Comparator.comparing(k -> k.withdrawnOn().get()));
        if (withdrawn.isPresent()) {
            Consent consent = withdrawn.get();
            return new CaseView.ConsentView("WITHDRAWN", consent.givenBy().name(), List.of(), consent.givenOn(), consent.withdrawnOn().get(), null);
        }
        return new CaseView.ConsentView("MISSING", null, List.of(), null, null, null);
    }

    static CaseView.DepartmentView department(DepartmentInvolvement d) {
        return new CaseView.DepartmentView(d.department().name(), d.department().danishName(), d.status().name(),
                d.reasons().stream().map(r -> new CaseView.Reason(r.rule(), r.text())).toList(),
                d.suggestedOn(), d.decidedOn().orElse(null), d.decidedBy().orElse(null), d.decisionReason().orElse(null));
    }

    public static CaseView.AlarmView alarm(CaseAlarm a) {
        return new CaseView.AlarmView(a.code(), a.severity(), a.since(), a.rule(), a.text());
    }

    public static CaseView.EffortView effort(Effort e, LocalDate today) {
        String status = e.endedOn().filter(d -> !d.isAfter(today)).isPresent() ? "ENDED"
                : e.isRunningOn(today) ? "RUNNING" : "WAITING";
        return new CaseView.EffortView(e.id(), e.type().name(), e.type().danishName(), e.department().name(), e.requestedOn(),
                e.startedOn().orElse(null), e.endedOn().orElse(null), e.waitingDays(today), status, e.note().orElse(null));
    }

    static CaseView.AgreementView agreement(Agreement a, LocalDate today) {
        String status = a.doneOn().isPresent() ? "DONE" : a.due().isBefore(today) ? "OVERDUE" : "OPEN";
        return new CaseView.AgreementView(a.id(), a.text(), a.owner(), a.due(), a.doneOn().orElse(null), status, a.subGoalId().orElse(null));
    }

    /** The citizen's one plan, the same for every department that may see the case. */
    public PlanView plan(CaseFile c) {
        LocalDate today = LocalDate.now(clock);
        CitizenPlan plan = CitizenPlan.of(c);
        return new PlanView(c.id(), plan.goals().stream().map(g -> new PlanView.GoalView(g.goal().id(), g.goal().text(),
                        g.goal().dimension().orElse(null), g.goal().status(), g.goal().agreedOn(), g.goal().statusOn().orElse(null),
                        g.progression().stream().map(p -> new PlanView.ScoreView(p.on(), p.score())).toList(),
                        g.subGoals().stream().map(s -> new PlanView.SubGoalView(s.subGoal().id(), s.subGoal().text(), s.subGoal().status(),
                                s.subGoal().agreedOn(), s.subGoal().statusOn().orElse(null),
                                s.agreements().stream().map(a -> agreement(a, today)).toList())).toList()))
                .toList(),
                plan.otherAgreements().stream().map(a -> agreement(a, today)).toList());
    }

    static CaseView.TaskRef task(Task t) {
        return new CaseView.TaskRef(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(),
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant());
    }
}
