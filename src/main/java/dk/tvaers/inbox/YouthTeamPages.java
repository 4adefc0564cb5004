package dk.tvaers.inbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Department;
import dk.tvaers.caseview.CaseListQuery;
import dk.tvaers.caseview.CaseView;
import dk.tvaers.caseview.CaseViews;
import dk.tvaers.route.RouteProcess.SparringOutcome;
import dk.tvaers.route.RouteProcess.Tasks;
import dk.tvaers.security.CasesShown;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.ConflictException;
import dk.tvaers.web.InvalidInputException;
import dk.tvaers.web.LanguageLink;
import dk.tvaers.web.Texts;
import dk.tvaers.web.WorkplacePage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The youth team's meeting mode: the agenda of cases waiting for sparring (printable), and the
 * outcome of each case recorded one after another in one sitting.
 */
@WorkplacePage
class YouthTeamPages {

    /**
     * A case on the agenda with the departments to choose from: the ones on the case (suggested or
     * involved, pre-checked) first, then every other department, unchecked.
     */
    /** {@code consented}: the departments a consent in force shares the case with; ticking another one warns. */
    record AgendaItem(String taskId, LocalDate meeting, CaseView c, List<String> departments, Set<String> checked, Set<String> consented) {}

    /** What was posted for one case and why it was refused: shown by that case, with the input kept. */
    /** {@code confirmConsent}: the departments chosen lack consent, and the member is asked to confirm. */
    record Refused(String taskId, String outcome, Set<String> departments, String note, Map<String, String> errors, boolean confirmConsent) {}

    private final Inbox inbox;
    private final CaseFiles caseFiles;
    private final CaseViews views;
    private final Clock clock;
    private final Texts texts;

    YouthTeamPages(Inbox inbox, CaseFiles caseFiles, CaseViews views, MessageSource messages, Clock clock) {
        this.inbox = inbox;
        this.caseFiles = caseFiles;
        this.views = views;
        this.clock = clock;
        this.texts = Texts.of(messages);
    }

    @GetMapping("/ungeteam")
    String agenda(@RequestParam(required = false) String done, Authentication auth, Model model) {
        return page(CurrentUser.of(auth), done != null, null, null, model);
    }

    @PostMapping("/ungeteam/{taskId}")
    String record(@PathVariable String taskId, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) List<String> departments, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String confirmNoConsent, Authentication auth, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (outcome != null) {
            body.put("outcome", outcome);
        }
        if (SparringOutcome.INTERDISCIPLINARY.name().equals(outcome)) {
            ArrayNode codes = body.putArray("departments");
            (departments == null ? List.<String>of() : departments).forEach(codes::add);
        }
        if (note != null && !note.isBlank()) {
            body.put("note", note);
        }
        Set<String> posted = departments == null ? Set.of() : new LinkedHashSet<>(departments);
        model.addAttribute(LanguageLink.PAGE_URL, "/ungeteam");
        if (SparringOutcome.INTERDISCIPLINARY.name().equals(outcome) && !"true".equals(confirmNoConsent)) {
            // Warned before, not after: involving a department the consent does not cover raises a critical alarm at once.
            List<String> uncovered = uncovered(user, taskId, posted);
            if (!uncovered.isEmpty()) {
                String names = uncovered.stream().map(code -> texts.get("department." + code)).collect(java.util.stream.Collectors.joining(", "));
                return page(user, false, null, new Refused(taskId, outcome, posted, note,
                        Map.of("departments", texts.get("youthteam.noConsent.confirm", names)), true), model);
            }
        }
        try {
            inbox.complete(user, taskId, body);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.merge(error.field(), error.message(texts), (a, b) -> a + " " + b));
            return page(user, false, null, new Refused(taskId, outcome, posted, note, errors, false), model);
        } catch (ConflictException | dk.tvaers.route.TaskConflictException e) {
            return page(user, false, texts.get("youthteam.conflict"), null, model);
        }
        return "redirect:/ungeteam?done";
    }

    private String page(CurrentUser user, boolean done, String error, Refused refused, Model model) {
        // Most serious first, as on the front page and in the inbox's urgency order.
        List<Inbox.TaskView> tasks = new ArrayList<>(inbox.page(user, new TaskListQuery.Filter(TaskListQuery.Scope.BOTH, Tasks.YOUTH_TEAM_SPARRING,
                null, new CaseListQuery.Criteria(null, null, null), TaskListQuery.Sort.SEVERITY), 0, Inbox.API_LIMIT).tasks());
        List<AgendaItem> agenda = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (Inbox.TaskView task : tasks) {
            if (seen.add(task.id())) {
                LocalDate meeting = task.due() == null ? null : ZonedDateTime.ofInstant(task.due(), clock.getZone()).toLocalDate();
                caseFiles.find(task.caseId()).ifPresent(c -> agenda.add(item(task.id(), meeting, views.view(c), refused)));
            }
        }
        CasesShown.mark(agenda.stream().map(a -> a.c().id()).toList());
        model.addAttribute("agenda", agenda);
        model.addAttribute("done", done);
        model.addAttribute("error", error);
        model.addAttribute("refused", refused);
        model.addAttribute("outcomes", Arrays.stream(SparringOutcome.values()).map(Enum::name).toList());
        return "inbox/youthteam";
    }

    /** The departments chosen for the task's case that no consent in force covers (JOBCENTER needs none). */
    private List<String> uncovered(CurrentUser user, String taskId, Set<String> chosen) {
        Set<String> covered = caseFiles.find(inbox.task(user, taskId).caseId())
                .map(c -> CaseViews.consent(c, LocalDate.now(clock)))
                .filter(consent -> consent.status().equals("GIVEN")).map(consent -> Set.copyOf(consent.departments())).orElse(Set.of());
        return chosen.stream().filter(code -> !code.equals(Department.JOBCENTER.name()) && !covered.contains(code)).toList();
    }

    private static AgendaItem item(String taskId, LocalDate meeting, CaseView c, Refused refused) {
        List<String> onCase = c.departments().stream()
                .filter(d -> !d.code().equals(Department.JOBCENTER.name()) && !d.status().equals("DECLINED"))
                .map(CaseView.DepartmentView::code).toList();
        List<String> all = new ArrayList<>(onCase);
        Arrays.stream(Department.values()).map(Enum::name)
                .filter(code -> !code.equals(Department.JOBCENTER.name()) && !all.contains(code)).forEach(all::add);
        Set<String> checked = refused != null && refused.taskId().equals(taskId) ? refused.departments() : new LinkedHashSet<>(onCase);
        Set<String> consented = c.consent().status().equals("GIVEN") ? new LinkedHashSet<>(c.consent().departments()) : Set.of();
        return new AgendaItem(taskId, meeting, c, all, checked, consented);
    }
}
