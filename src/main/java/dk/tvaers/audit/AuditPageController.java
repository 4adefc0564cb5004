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

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String caseId, @RequestParam(required = false) String user,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
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
        model.addAttribute("entries", errors.isEmpty() ? trail.find(blank(caseId), blank(user), fromDate, toDate, 1000) : List.of());
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

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
