package dk.tvaers.inbox;

import dk.tvaers.casefile.Department;
import dk.tvaers.caseview.CaseListQuery;
import dk.tvaers.caseview.CaseView;
import dk.tvaers.security.CasesShown;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.WorkplacePage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front page after login: the few most urgent tasks of the day (mine and my teams', the most
 * serious alarm first, with the alarm that says why), the way into the inbox, and the other tools.
 */
@WorkplacePage
class HomePages {

    static final int MOST_URGENT = 5;
    static final String LEADERS = "leaders";

    /** One of the most urgent tasks, with the reason it is urgent. */
    record Urgent(String taskId, String taskKey, String taskName, String caseId, String citizenName, LocalDate due, boolean overdue,
                  CaseView.AlarmView why, int otherAlarms) {}

    private final Inbox inbox;
    private final Clock clock;

    HomePages(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Authentication auth, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        if (user.isMemberOf(LEADERS) && Arrays.stream(Department.values()).noneMatch(d -> user.isMemberOf(d.name()))) {
            // A leader has no inbox: the leaders' front page is the dashboard.
            return "redirect:/statistik";
        }
        Inbox.Page page = inbox.page(user, new TaskListQuery.Filter(TaskListQuery.Scope.BOTH, null, null,
                new CaseListQuery.Criteria(null, null, null), TaskListQuery.Sort.SEVERITY), 0, MOST_URGENT);
        LocalDate today = LocalDate.now(clock);
        List<Urgent> urgent = page.tasks().stream().map(t -> {
            LocalDate due = t.due() == null ? null : LocalDate.ofInstant(t.due(), clock.getZone());
            return new Urgent(t.id(), t.taskKey(), t.name(), t.caseId(), t.citizenName(), due, due != null && due.isBefore(today),
                    t.ownAlarms().isEmpty() ? null : t.ownAlarms().get(0), t.otherAlarms().size());
        }).toList();
        CasesShown.mark(urgent.stream().map(Urgent::caseId).distinct().toList());
        model.addAttribute("urgent", urgent);
        model.addAttribute("total", page.total());
        return "inbox/home";
    }
}
