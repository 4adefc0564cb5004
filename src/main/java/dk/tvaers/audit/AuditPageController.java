package dk.tvaers.audit;

import dk.tvaers.web.WorkplacePage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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

    AuditPageController(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String caseId, @RequestParam(required = false) String user,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        LocalDate fromDate = date(from);
        LocalDate toDate = date(to);
        model.addAttribute("caseId", caseId);
        model.addAttribute("user", user);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("fromError", from != null && !from.isBlank() && fromDate == null ? "invalid" : null);
        model.addAttribute("toError", to != null && !to.isBlank() && toDate == null ? "invalid" : null);
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("entries", trail.find(blank(caseId), blank(user), fromDate, toDate, 1000));
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
