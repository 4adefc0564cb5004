package dk.tvaers.api;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.JourneyEntry;
import dk.tvaers.route.RouteProcess.Tasks;
import dk.tvaers.security.CaseAccessPolicy;
import dk.tvaers.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinators' workplace pages: the inbox (mine and my teams' tasks, most urgent first when
 * asked) and the case page. Same policy, same inbox, same case view as the API.
 */
@Controller
class WorkplacePages {

    /** A task as a row of the inbox page. */
    record Row(String id, String name, String caseId, String citizenName, String assignee, LocalDate due, boolean overdue,
               List<CaseView.AlarmView> alarms) {}

    record TaskList(String heading, List<Row> tasks) {}

    record JourneyLine(LocalDate date, String text) {}

    private final Inbox inbox;
    private final CaseFiles caseFiles;
    private final CaseViews views;
    private final CaseAccessPolicy policy;
    private final MessageSource messages;
    private final dk.tvaers.route.RouteSchedule schedule;
    private final dk.tvaers.rules.RuleEngine rules;
    private final Clock clock;

    WorkplacePages(Inbox inbox, CaseFiles caseFiles, CaseViews views, CaseAccessPolicy policy, MessageSource messages,
                   dk.tvaers.route.RouteSchedule schedule, dk.tvaers.rules.RuleEngine rules, Clock clock) {
        this.rules = rules;
        this.schedule = schedule;
        this.inbox = inbox;
        this.caseFiles = caseFiles;
        this.views = views;
        this.policy = policy;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/indbakke")
    String inbox(@RequestParam(required = false) String taskKey, @RequestParam(defaultValue = "due") String sort,
                 @RequestParam(required = false) String conflict, Authentication auth, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        String key = taskKey == null || taskKey.isBlank() ? null : taskKey;
        List<Row> mine = rows(inbox.tasks(user, "mine", key, null), sort);
        List<Row> group = rows(inbox.tasks(user, "group", key, null), sort);
        model.addAttribute("lists", List.of(
                new TaskList(message("inbox.mine", mine.size()), mine),
                new TaskList(message("inbox.group", group.size()), group)));
        model.addAttribute("taskKeys", taskKeys());
        model.addAttribute("taskKey", key);
        model.addAttribute("sort", sort);
        model.addAttribute("conflict", conflict != null);
        return "inbox/inbox";
    }

    @PostMapping("/opgaver/{id}/tag")
    String claim(@PathVariable String id, Authentication auth) {
        try {
            inbox.claim(CurrentUser.of(auth), id);
        } catch (ConflictException e) {
            return "redirect:/indbakke?conflict";
        }
        return "redirect:/indbakke";
    }

    @PostMapping("/opgaver/{id}/giv-tilbage")
    String unclaim(@PathVariable String id, Authentication auth) {
        try {
            inbox.unclaim(CurrentUser.of(auth), id);
        } catch (dk.tvaers.route.TaskConflictException e) {
            return "redirect:/indbakke?conflict";
        }
        return "redirect:/indbakke";
    }

    @GetMapping("/sager/{id}")
    String caseFile(@PathVariable String id, Authentication auth, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        CaseFile caseFile = visible(id, user);
        model.addAttribute("c", views.view(caseFile));
        model.addAttribute("activeSteps", String.join(",", schedule.diagram(id)
                .map(dk.tvaers.route.RouteSchedule.RouteDiagram::activeActivityIds).orElse(List.of())));
        model.addAttribute("timeline", JourneyTimeline.of(caseFile, caseFiles.journey(id), rules.active().thresholds(), LocalDate.now(clock)));
        model.addAttribute("progression", Progression.of(caseFile));
        model.addAttribute("canChange", user.isMemberOf(Department.JOBCENTER.name()) || user.isMemberOf("camunda-admin"));
        model.addAttribute("journey", caseFiles.journey(id).stream()
                .sorted(Comparator.comparing(JourneyEntry::occurredOn).thenComparing(JourneyEntry::id))
                .map(e -> new JourneyLine(e.occurredOn(), e.detail())).toList());
        return "casefile/case";
    }

    /** The BPMN the case's route runs on, for the diagram on the case page. */
    @GetMapping(path = "/sager/{id}/forloeb.bpmn", produces = "application/xml")
    @org.springframework.web.bind.annotation.ResponseBody
    String routeXml(@PathVariable String id, Authentication auth) {
        visible(id, CurrentUser.of(auth));
        return schedule.diagram(id).map(dk.tvaers.route.RouteSchedule.RouteDiagram::bpmnXml).orElseThrow(NotVisibleException::new);
    }

    @PostMapping("/sager/{id}/afdelinger/{code}")
    String decide(@PathVariable String id, @PathVariable String code, @RequestParam String decision,
                  @RequestParam(required = false) String reason, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        visible(id, user);
        if (!user.isMemberOf(Department.JOBCENTER.name()) && !user.isMemberOf("camunda-admin")) {
            throw new org.springframework.security.access.AccessDeniedException("Kun jobcentrets medarbejdere kan ændre sagen");
        }
        Department department;
        try {
            department = Department.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new NotVisibleException();
        }
        boolean involve = "INVOLVE".equals(decision);
        if (!involve && (reason == null || reason.isBlank() || department == Department.JOBCENTER)) {
            return "redirect:/sager/" + id;
        }
        caseFiles.decideDepartment(id, department, involve, reason, user.id());
        return "redirect:/sager/" + id;
    }

    private CaseFile visible(String id, CurrentUser user) {
        CaseFile caseFile = caseFiles.find(id).orElseThrow(NotVisibleException::new);
        if (!policy.canSee(user, caseFile)) {
            throw new NotVisibleException();
        }
        dk.tvaers.audit.AuditTrail.casesShown(List.of(id));
        return caseFile;
    }

    private List<Row> rows(List<Inbox.TaskView> tasks, String sort) {
        LocalDate today = LocalDate.now(clock);
        Comparator<Inbox.TaskView> order = "severity".equals(sort)
                ? Comparator.comparing(Inbox.TaskView::severityRank).reversed()
                        .thenComparing(t -> t.due() == null ? java.time.Instant.MAX : t.due())
                : Comparator.comparing(t -> t.due() == null ? java.time.Instant.MAX : t.due());
        return tasks.stream().sorted(order).map(t -> {
            LocalDate due = t.due() == null ? null : ZonedDateTime.ofInstant(t.due(), clock.getZone()).toLocalDate();
            return new Row(t.id(), t.name(), t.caseId(), t.citizenName(), t.assignee(), due, due != null && due.isBefore(today), t.alarms());
        }).toList();
    }

    private Map<String, String> taskKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(Tasks.REGISTER_CONSENT, "Indhent samtykke");
        keys.put(Tasks.YOUTH_TEAM_SPARRING, "Sparring i ungeteamet");
        keys.put(Tasks.NETWORK_MEETING, "Hold netværksmøde");
        keys.put(Tasks.FIND_INTERNSHIP, "Find praktikplads");
        keys.put(Tasks.INTERNSHIP_KICKOFF, "Opstartsmøde i virksomheden");
        keys.put(Tasks.INTERNSHIP_MIDWAY_REVIEW, "Midtvejsopfølgning");
        keys.put(Tasks.EVALUATE_INTERNSHIP, "Evaluér praktikken");
        keys.put(Tasks.FOLLOW_UP, "Opfølgning");
        return keys;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
