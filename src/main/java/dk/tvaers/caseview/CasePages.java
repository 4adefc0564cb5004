package dk.tvaers.caseview;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.JourneyEntry;
import dk.tvaers.casefile.Meeting;
import dk.tvaers.meetings.Invitations;
import dk.tvaers.route.RouteSchedule;
import dk.tvaers.route.RouteTasks;
import dk.tvaers.route.TaskComments;
import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.leaders.RuleTexts;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.security.CaseAccessPolicy;
import dk.tvaers.security.CprMasking;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.LanguageLink;
import dk.tvaers.security.NotVisibleException;
import dk.tvaers.web.Texts;
import dk.tvaers.web.WorkplacePage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The case page: the citizen, the route drawn, the journey, departments, alarms, efforts and
 * agreements, each suggestion and alarm with its rule in plain language, and "why (not)" for a
 * department. Same policy and same case view as the API.
 */
@WorkplacePage
class CasePages {

    record JourneyLine(LocalDate date, String text) {}

    private final CaseFiles caseFiles;
    private final CaseViews views;
    private final CaseAccessPolicy policy;
    private final RouteSchedule schedule;
    private final RuleEngine rules;
    private final Invitations invitations;
    private final MessageSource messages;
    private final Clock clock;
    private final CaseEvaluation evaluation;
    private final RuleTexts ruleTexts;
    private final RouteTasks routeTasks;
    private final TaskComments comments;

    CasePages(CaseFiles caseFiles, CaseViews views, CaseAccessPolicy policy, RouteSchedule schedule, RuleEngine rules, Invitations invitations,
              MessageSource messages, Clock clock, CaseEvaluation evaluation, RuleTexts ruleTexts, RouteTasks routeTasks, TaskComments comments) {
        this.routeTasks = routeTasks;
        this.comments = comments;
        this.evaluation = evaluation;
        this.ruleTexts = ruleTexts;
        this.messages = messages;
        this.invitations = invitations;
        this.rules = rules;
        this.schedule = schedule;
        this.caseFiles = caseFiles;
        this.views = views;
        this.policy = policy;
        this.clock = clock;
    }

    @GetMapping("/sager/{id}")
    String caseFile(@PathVariable String id, @RequestParam(required = false) String indkaldt,
                    @RequestParam(required = false) String hvorfor, Authentication auth, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        model.addAttribute("invited", indkaldt != null);
        CaseFile caseFile = policy.visibleCase(id, user);
        Department why = hvorfor == null ? null : dk.tvaers.web.Input.constant(Department.class, hvorfor);
        if (why != null) {
            model.addAttribute("why", ruleTexts.explain(rules.active().explain(evaluation.snapshot(caseFile, LocalDate.now(clock)), why.name()),
                    Texts.of(messages)));
        }
        model.addAttribute("whyDepartment", why == null ? null : why.name());
        return casePage(caseFile, user, null, model);
    }

    /** A decline the page refused: the department, why (a bundle key) and what the user typed. */
    record RefusedDecline(String department, String messageKey, String reason) {}

    private String casePage(CaseFile caseFile, CurrentUser user, RefusedDecline refused, Model model) {
        String id = caseFile.id();
        model.addAttribute("c", views.view(caseFile));
        model.addAttribute("activeSteps", String.join(",", schedule.diagram(id)
                .map(RouteSchedule.RouteDiagram::activeActivityIds).orElse(List.of())));
        List<JourneyEntry> journey = caseFiles.journey(id);
        model.addAttribute("timeline", JourneyTimeline.of(caseFile, journey, rules.active().thresholds(), LocalDate.now(clock),
                Texts.of(messages)));
        model.addAttribute("progression", Progression.of(caseFile, Texts.of(messages)));
        model.addAttribute("plan", views.plan(caseFile));
        model.addAttribute("ruleDescriptions", ruleTexts.descriptions(rules.active(), Texts.of(messages)));
        model.addAttribute("departmentCodes", java.util.Arrays.stream(Department.values()).filter(d -> d != Department.JOBCENTER).map(Enum::name).toList());
        model.addAttribute("refused", refused);
        model.addAttribute("upcoming", invitations.upcoming(caseFile)
                .map(i -> Invitations.when(i.startsAt(), i.endsAt()) + ", " + i.location()).orElse(null));
        model.addAttribute("meetings", caseFile.meetings().stream().sorted(Comparator.comparing(Meeting::heldOn)).toList());
        model.addAttribute("canChange", policy.canChange(user));
        // A task's form is offered only to those who may complete it; the others see who holds it.
        Map<String, String> heldBy = new LinkedHashMap<>();
        schedule.openTasks(id).stream().filter(t -> !routeTasks.mayComplete(t, user.id(), user.groups()))
                .forEach(t -> heldBy.put(t.getId(), String.join(", ", routeTasks.holders(t))));
        model.addAttribute("heldBy", heldBy);
        // The journey: what happened on the case, and what was said on its tasks, day by day.
        Texts texts = Texts.of(messages);
        List<JourneyLine> lines = new java.util.ArrayList<>(journey.stream()
                .sorted(Comparator.comparing(JourneyEntry::occurredOn).thenComparing(JourneyEntry::id))
                .map(e -> new JourneyLine(e.occurredOn(), JourneyTexts.text(e, texts))).toList());
        comments.ofCase(id).forEach(c -> lines.add(new JourneyLine(LocalDate.ofInstant(c.time(), clock.getZone()),
                texts.get("journey.comment", c.taskKey() == null ? "" : texts.find("taskKey." + c.taskKey()).orElse(c.taskName()),
                        c.author(), c.text()))));
        lines.sort(Comparator.comparing(JourneyLine::date));
        model.addAttribute("journey", lines);
        return "caseview/case";
    }

    /** The BPMN the case's route runs on, for the diagram on the case page. */
    @GetMapping(path = "/sager/{id}/forloeb.bpmn", produces = "application/xml")
    @ResponseBody
    String routeXml(@PathVariable String id, Authentication auth) {
        policy.visibleCase(id, CurrentUser.of(auth));
        return schedule.diagram(id).map(RouteSchedule.RouteDiagram::bpmnXml).orElseThrow(NotVisibleException::new);
    }

    @PostMapping("/sager/{id}/afdelinger/{code}")
    String decide(@PathVariable String id, @PathVariable String code, @RequestParam String decision,
                  @RequestParam(required = false) String reason, Authentication auth, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        CaseFile caseFile = policy.visibleCase(id, user);
        policy.requireChange(user);
        Department department;
        try {
            department = Department.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new NotVisibleException();
        }
        if (!"INVOLVE".equals(decision) && !"DECLINE".equals(decision)) {
            throw new NotVisibleException();
        }
        boolean involve = "INVOLVE".equals(decision);
        String why = involve ? null : declineReasonProblem(reason);
        if (why != null) {
            // Nothing changes; the case page says by the field what is wrong, with the text kept.
            model.addAttribute("invited", false);
            model.addAttribute(LanguageLink.PAGE_URL, "/sager/" + id);
            return casePage(caseFile, user, new RefusedDecline(department.name(), why, reason), model);
        }
        caseFiles.decideDepartment(id, department, involve, involve ? null : reason.trim(), user.id());
        return "redirect:/sager/" + id;
    }

    /** The bundle key of what is wrong with a decline's reason, or null when it can be stored. */
    private static String declineReasonProblem(String reason) {
        if (reason == null || reason.isBlank()) {
            return "case.declineReason.missing";
        }
        if (reason.trim().length() > 1000) {
            return "case.declineReason.tooLong";
        }
        return CprMasking.containsCpr(reason) ? "case.declineReason.cpr" : null;
    }

    /** An agreement from a meeting is done: its overdue alarm, if any, clears with the evaluation this causes. */
    @PostMapping("/sager/{id}/aftaler/{agreementId}/opfyldt")
    String agreementDone(@PathVariable String id, @PathVariable long agreementId, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        CaseFile caseFile = policy.visibleCase(id, user);
        policy.requireChange(user);
        boolean open = caseFile.agreements().stream().anyMatch(a -> a.id() == agreementId && a.doneOn().isEmpty());
        if (!open) {
            throw new NotVisibleException();
        }
        caseFiles.completeAgreement(id, agreementId, LocalDate.now(clock));
        return "redirect:/sager/" + id;
    }

}
