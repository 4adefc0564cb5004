package dk.tvaers.audit;

import dk.tvaers.web.Texts;
import dk.tvaers.web.WorkplacePage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The administrator's page of the audit trail, with filters and a CSV download. */
@WorkplacePage
class AuditPageController {

    private final AuditTrail trail;
    private final Clock clock;
    private final Texts texts;

    AuditPageController(AuditTrail trail, Clock clock, MessageSource messages) {
        this.trail = trail;
        this.clock = clock;
        this.texts = Texts.of(messages);
    }

    /** Entries per page of the trail. */
    static final int PAGE_SIZE = 100;

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String caseId, @RequestParam(required = false) String user,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String p, Model model) {
        LocalDate fromDate = date(from);
        LocalDate toDate = date(to);
        Map<String, String> errors = new LinkedHashMap<>();
        if (from != null && !from.isBlank() && fromDate == null) {
            errors.put("from", texts.get("audit.error.date"));
        }
        if (to != null && !to.isBlank() && toDate == null) {
            errors.put("to", texts.get("audit.error.date"));
        }
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            // A reversed range would show nothing and look like an empty trail: say so by the field.
            errors.put("to", texts.get("input.endBeforeStart"));
        }
        model.addAttribute("caseId", caseId);
        model.addAttribute("user", user);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", clock.getZone());
        int page = page(p);
        AuditTrail.Page found = errors.isEmpty() ? trail.page(blank(caseId), blank(user), fromDate, toDate, page, PAGE_SIZE)
                : new AuditTrail.Page(List.of(), 0);
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("entries", found.entries());
        model.addAttribute("total", found.total());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("first", found.entries().isEmpty() ? 0 : (long) page * PAGE_SIZE + 1);
        model.addAttribute("last", (long) page * PAGE_SIZE + found.entries().size());
        model.addAttribute("previousHref", page > 0 ? href(caseId, user, from, to, Math.min(page, pages) - 1) : null);
        model.addAttribute("nextHref", page + 1 < pages ? href(caseId, user, from, to, page + 1) : null);
        return "audit/trail";
    }

    @GetMapping("/admin/audit.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String caseId, @RequestParam(required = false) String user,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        List<AuditEntry> entries = trail.find(blank(caseId), blank(user), date(from), date(to), 10_000);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"revisionsspor.csv\"")
                .body(AuditCsv.of(entries));
    }

    /** The page asked for, from 0; anything that is not a page number is the first page. */
    private static int page(String p) {
        try {
            return p == null ? 0 : Math.max(0, Math.min(Integer.parseInt(p.trim()), 1_000_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String href(String caseId, String user, String from, String to, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/audit");
        if (blank(caseId) != null) uri.queryParam("caseId", caseId.trim());
        if (blank(user) != null) uri.queryParam("user", user.trim());
        if (blank(from) != null) uri.queryParam("from", from.trim());
        if (blank(to) != null) uri.queryParam("to", to.trim());
        if (page > 0) uri.queryParam("p", page);
        return uri.encode().build().toUriString();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // The years the API's trail takes too: a date no case can have is refused by its field, not searched for.
            LocalDate date = LocalDate.parse(text.trim());
            return dk.tvaers.web.Input.isDayOfACase(date) ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
