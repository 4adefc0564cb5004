package dk.tvaers.inbox;

import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Stage;
import dk.tvaers.caseview.CaseListQuery;
import dk.tvaers.caseview.CaseView;
import dk.tvaers.route.TaskConflictException;
import dk.tvaers.route.TaskNotFoundException;
import dk.tvaers.rules.Thresholds;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.ConflictException;
import dk.tvaers.web.InvalidInputException;
import dk.tvaers.web.Texts;
import dk.tvaers.web.WorkplacePage;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox page: my tasks and my teams' tasks, each list paged and counted in the database,
 * filtered by task type, stage, department and alarm and sorted by due date or alarm severity.
 * Claim and give back are plain forms that htmx turns into partial updates of the lists.
 */
@WorkplacePage
class InboxPages {

    static final int PAGE_SIZE = 25;

    static final List<String> TASK_KEYS = List.copyOf(TaskForm.FORMS.keySet());

    /** The inbox's query string, bound from the request; unknown values are reported, not guessed. */
    static final class Query {
        private String taskKey;
        private String stage;
        private String department;
        private String alarm;
        private String sort;
        private int mp;
        private int gp;

        public void setTaskKey(String taskKey) { this.taskKey = blankToNull(taskKey); }
        public void setStage(String stage) { this.stage = blankToNull(stage); }
        public void setDepartment(String department) { this.department = blankToNull(department); }
        public void setAlarm(String alarm) { this.alarm = blankToNull(alarm); }
        public void setSort(String sort) { this.sort = blankToNull(sort); }
        public void setMp(int mp) { this.mp = Math.max(0, mp); }
        public void setGp(int gp) { this.gp = Math.max(0, gp); }

        public String getTaskKey() { return taskKey; }
        public String getStage() { return stage; }
        public String getDepartment() { return department; }
        public String getAlarm() { return alarm; }
        /** Most urgent first unless asked otherwise: the most serious alarm the task can clear, then the earliest due date. */
        public String getSort() { return sort == null ? "severity" : sort; }

        /** The filters that are not one of the known values, by field name. */
        List<String> unknown() {
            List<String> bad = new ArrayList<>();
            if (taskKey != null && !TASK_KEYS.contains(taskKey)) bad.add("taskKey");
            if (stage != null && Arrays.stream(Stage.values()).noneMatch(s -> s.name().equals(stage))) bad.add("stage");
            if (department != null && Arrays.stream(Department.values()).noneMatch(d -> d.name().equals(department))) bad.add("department");
            if (alarm != null && !Thresholds.KNOWN_CODES.contains(alarm)) bad.add("alarm");
            if (sort != null && !sort.equals("due") && !sort.equals("severity")) bad.add("sort");
            return bad;
        }

        TaskListQuery.Filter filter(TaskListQuery.Scope scope) {
            List<String> bad = unknown();
            return new TaskListQuery.Filter(scope, bad.contains("taskKey") ? null : taskKey, null,
                    new CaseListQuery.Criteria(bad.contains("stage") ? null : stage,
                            bad.contains("department") || department == null ? null : Department.valueOf(department),
                            bad.contains("alarm") ? null : alarm),
                    "due".equals(sort) ? TaskListQuery.Sort.DUE : TaskListQuery.Sort.SEVERITY);
        }

        /** The filters as a query string to save (known values only, no page, no status); empty without a filter. */
        String filterQuery() {
            if (!unknown().isEmpty()) {
                return "";
            }
            UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
            if (taskKey != null) uri.queryParam("taskKey", taskKey);
            if (stage != null) uri.queryParam("stage", stage);
            if (department != null) uri.queryParam("department", department);
            if (alarm != null) uri.queryParam("alarm", alarm);
            if (sort != null) uri.queryParam("sort", sort);
            String query = uri.encode().build().getQuery();
            return query == null ? "" : query;
        }

        /** Whether any filter (or a sort) is chosen, so there is something to save. */
        public boolean hasFilter() {
            return !filterQuery().isEmpty();
        }

        /** This query as a link, with one list moved to another page. */
        String href(String pageParam, int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/indbakke");
            if (taskKey != null) uri.queryParam("taskKey", taskKey);
            if (stage != null) uri.queryParam("stage", stage);
            if (department != null) uri.queryParam("department", department);
            if (alarm != null) uri.queryParam("alarm", alarm);
            if (sort != null) uri.queryParam("sort", sort);
            int mine = pageParam.equals("mp") ? page : mp;
            int group = pageParam.equals("gp") ? page : gp;
            if (mine > 0) uri.queryParam("mp", mine);
            if (group > 0) uri.queryParam("gp", group);
            return uri.encode().build().toUriString();
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** A task as a row of the inbox page: the alarms the task can clear, and the case's others apart. */
    record Row(String id, String taskKey, String name, String caseId, String citizenName, String assignee, LocalDate due,
               boolean overdue, boolean dueToday, LocalDate followUp, boolean followUpReached, List<CaseView.AlarmView> own,
               List<CaseView.AlarmView> others) {

        /** The most serious of the task's own alarms' severity in lower case (listed first), for the row's marking; or null. */
        public String severity() {
            return own.isEmpty() ? null : own.get(0).severity().toLowerCase();
        }
    }

    /** One list of the page with its pager. */
    record TaskList(String id, String headingKey, long total, List<Row> tasks, int page, int pages, String previousHref,
                    String nextHref) {}

    private final Inbox inbox;
    private final SavedFilters savedFilters;
    private final Texts texts;
    private final Clock clock;

    InboxPages(Inbox inbox, SavedFilters savedFilters, MessageSource messages, Clock clock) {
        this.inbox = inbox;
        this.savedFilters = savedFilters;
        this.texts = Texts.of(messages);
        this.clock = clock;
    }

    @GetMapping("/indbakke")
    String inbox(@ModelAttribute("q") Query q, BindingResult notANumber, @RequestParam(required = false) String conflict,
                 @RequestParam(required = false) String taken, @RequestParam(required = false) String returned,
                 @RequestParam(required = false) String gone, Authentication auth, Model model) {
        String status = conflict != null ? "conflict" : gone != null ? "gone" : taken != null ? "taken"
                : returned != null ? "returned" : null;
        CurrentUser user = CurrentUser.of(auth);
        List<Inbox.Page> pages = inbox.pages(user, List.of(new Inbox.Wanted(q.filter(TaskListQuery.Scope.MINE), q.mp),
                new Inbox.Wanted(q.filter(TaskListQuery.Scope.GROUP), q.gp)), PAGE_SIZE);
        model.addAttribute("lists", List.of(list("mine", "inbox.mine", pages.get(0), "mp", q.mp, q),
                list("group", "inbox.group", pages.get(1), "gp", q.gp, q)));
        model.addAttribute("taskKeys", TASK_KEYS);
        model.addAttribute("stages", Arrays.stream(Stage.values()).filter(s -> s != Stage.CLOSED).map(Enum::name).toList());
        model.addAttribute("departments", Arrays.stream(Department.values()).map(Enum::name).toList());
        model.addAttribute("alarms", Thresholds.KNOWN_CODES.stream().sorted().toList());
        model.addAttribute("unknown", q.unknown());
        model.addAttribute("status", status);
        model.addAttribute("savedFilters", savedFilters.of(user.id()));
        return "inbox/inbox";
    }

    /** Saves the inbox's filters under a name the user gives; back to the same filters, with a confirmation or the error. */
    @PostMapping("/indbakke/filtre")
    String saveFilter(@ModelAttribute("q") Query q, BindingResult notANumber, @RequestParam(required = false) String filterName,
                      Authentication auth, RedirectAttributes redirect) {
        try {
            savedFilters.save(CurrentUser.of(auth).id(), filterName, q.filterQuery());
            redirect.addFlashAttribute("filterStatus", "saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("filterError", e.errors().get(0).message(texts));
            // What was typed is kept, but never a CPR number in it.
            redirect.addFlashAttribute("filterName", filterName == null ? null : dk.tvaers.security.CprMasking.mask(filterName));
        }
        String query = q.filterQuery();
        return "redirect:/indbakke" + (query.isEmpty() ? "" : "?" + query);
    }

    @PostMapping("/indbakke/filtre/{filterId}/slet")
    String deleteFilter(@PathVariable long filterId, Authentication auth, RedirectAttributes redirect) {
        redirect.addFlashAttribute("filterStatus", savedFilters.delete(CurrentUser.of(auth).id(), filterId) ? "deleted" : "gone");
        return "redirect:/indbakke";
    }

    @PostMapping("/opgaver/{id}/tag")
    String claim(@PathVariable String id, @RequestHeader(name = "HX-Current-URL", required = false) String from,
                 Authentication auth) {
        try {
            inbox.claim(CurrentUser.of(auth), id);
        } catch (ConflictException | TaskConflictException e) {
            return "redirect:" + back(from, "conflict");
        } catch (TaskNotFoundException e) {
            return "redirect:" + back(from, "gone");
        }
        return "redirect:" + back(from, "taken");
    }

    @PostMapping("/opgaver/{id}/giv-tilbage")
    String unclaim(@PathVariable String id, @RequestHeader(name = "HX-Current-URL", required = false) String from,
                   Authentication auth) {
        try {
            inbox.unclaim(CurrentUser.of(auth), id);
        } catch (TaskConflictException e) {
            return "redirect:" + back(from, "conflict");
        } catch (TaskNotFoundException e) {
            return "redirect:" + back(from, "gone");
        }
        return "redirect:" + back(from, "returned");
    }

    private TaskList list(String id, String headingKey, Inbox.Page found, String pageParam, int page, Query q) {
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = found.tasks().stream().map(t -> {
            LocalDate due = t.due() == null ? null : LocalDate.ofInstant(t.due(), clock.getZone());
            return new Row(t.id(), t.taskKey(), t.name(), t.caseId(), t.citizenName(), t.assignee(), due,
                    due != null && due.isBefore(today), today.equals(due), t.followUp(), t.followUp() != null && !t.followUp().isAfter(today),
                    t.ownAlarms(), t.otherAlarms());
        }).toList();
        return new TaskList(id, headingKey, found.total(), rows, page, pages,
                page > 0 ? q.href(pageParam, Math.min(page, pages) - 1) : null,
                page + 1 < pages ? q.href(pageParam, page + 1) : null);
    }

    /**
     * Where to go after claiming: the inbox the user came from (htmx tells, and only a path of this
     * inbox is accepted), with a status word for the message.
     */
    static String back(String from, String status) {
        String path = "/indbakke";
        String query = null;
        if (from != null) {
            try {
                URI uri = URI.create(from);
                if ("/indbakke".equals(uri.getPath())) {
                    query = uri.getRawQuery();
                }
            } catch (IllegalArgumentException ignored) {
                // not a URI: back to the plain inbox
            }
        }
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(p -> !p.startsWith("conflict") && !p.startsWith("taken") && !p.startsWith("returned") && !p.startsWith("gone"))
                .reduce((a, b) -> a + "&" + b).map(s -> s + "&").orElse("");
        return path + "?" + kept + status;
    }
}
