package dk.tvaers.caseview;

import dk.tvaers.casefile.CaseVisibility;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Stage;
import dk.tvaers.rules.Thresholds;
import dk.tvaers.security.CaseAccessPolicy;
import dk.tvaers.security.CasesShown;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.LanguageLink;
import dk.tvaers.web.WorkplacePage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Mine sager": every case the user may see, with the API's filters (stage, department, open alarm), newest
 * first and paged. A department's staff find here the cases shared with them (involved, and covered by a
 * consent valid today); the jobcentre sees every case; whoever sees no citizen is told so.
 */
@WorkplacePage
class CaseListPages {

    static final int PAGE_SIZE = 25;

    /** One case in the list: who, where on the route, since when, and its open alarms' codes. */
    record Line(String id, String citizenName, String cprMasked, String stage, java.time.LocalDate stageSince, String coordinator,
                List<String> alarms) {}

    private final CaseListQuery list;
    private final CaseAccessPolicy policy;

    CaseListPages(CaseListQuery list, CaseAccessPolicy policy) {
        this.list = list;
        this.policy = policy;
    }

    @GetMapping("/sager")
    String cases(@RequestParam(required = false) String stage, @RequestParam(required = false) String department,
                 @RequestParam(required = false) String alarm, @RequestParam(required = false) String side,
                 Authentication auth, Model model) {
        CaseVisibility visibility = policy.visibility(CurrentUser.of(auth));
        // An unknown filter value is left out and said, never answered with an empty list that looks like no cases.
        String stageCode = known(stage, Arrays.stream(Stage.values()).map(Enum::name).toList());
        String departmentCode = known(department, Arrays.stream(Department.values()).map(Enum::name).toList());
        String alarmCode = known(alarm, Thresholds.KNOWN_CODES.stream().toList());
        int page = side == null || !side.matches("[1-9][0-9]{0,5}") ? 0 : Integer.parseInt(side) - 1;
        CaseListQuery.Page found = list.find(new CaseListQuery.Criteria(stageCode, departmentCode == null ? null : Department.valueOf(departmentCode),
                alarmCode), visibility, page, PAGE_SIZE);
        Map<String, List<String>> alarms = list.openAlarmCodes(found.rows().stream().map(CaseListQuery.Row::id).toList());
        List<Line> lines = found.rows().stream().map(r -> new Line(r.id(), r.citizenName(), dk.tvaers.casefile.Cpr.maskedFrom(r.cprBirthDigits()),
                r.stage(), r.stageSince(), r.coordinator(), alarms.getOrDefault(r.id(), List.of()))).toList();
        CasesShown.mark(lines.stream().map(Line::id).toList());
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("lines", lines);
        model.addAttribute("total", found.total());
        model.addAttribute("seesNothing", visibility.seesNothing());
        model.addAttribute("everyCase", visibility.everyCase());
        model.addAttribute("stage", stageCode);
        model.addAttribute("department", departmentCode);
        model.addAttribute("alarm", alarmCode);
        model.addAttribute("unknownFilter", (stage != null && !stage.isBlank() && stageCode == null)
                || (department != null && !department.isBlank() && departmentCode == null) || (alarm != null && !alarm.isBlank() && alarmCode == null));
        model.addAttribute("stages", Arrays.stream(Stage.values()).map(Enum::name).toList());
        model.addAttribute("departments", Arrays.stream(Department.values()).map(Enum::name).toList());
        model.addAttribute("alarms", Thresholds.KNOWN_CODES.stream().sorted().toList());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("previousHref", page > 0 ? href(stageCode, departmentCode, alarmCode, page) : null);
        model.addAttribute("nextHref", page + 1 < pages ? href(stageCode, departmentCode, alarmCode, page + 2) : null);
        model.addAttribute(LanguageLink.PAGE_URL, "/sager");
        return "caseview/cases";
    }

    private static String known(String value, List<String> allowed) {
        return value != null && allowed.contains(value.trim()) ? value.trim() : null;
    }

    private static String href(String stage, String department, String alarm, int side) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/sager");
        if (stage != null) uri.queryParam("stage", stage);
        if (department != null) uri.queryParam("department", department);
        if (alarm != null) uri.queryParam("alarm", alarm);
        return uri.queryParam("side", side).build().toUriString();
    }
}
