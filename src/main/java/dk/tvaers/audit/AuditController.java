package dk.tvaers.audit;

import dk.tvaers.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for the administrator and the data protection officer, as JSON or CSV. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Hvem så og ændrede hvilken sag")
class AuditController {

    static final String AUDITOR_GROUP = "camunda-admin";

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Revisionssporet, nyeste først; CSV med Accept: text/csv eller format=csv")
    ResponseEntity<?> find(@RequestParam(required = false) String caseId, @RequestParam(required = false) String user,
                           @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String format, @RequestParam(defaultValue = "1000") int limit,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication auth) {
        if (!CurrentUser.of(auth).isMemberOf(AUDITOR_GROUP)) {
            throw new AccessDeniedException("Kun administratorer kan se revisionssporet");
        }
        List<AuditEntry> entries = trail.find(blankToNull(caseId), blankToNull(user), date("from", from), date("to", to), limit);
        if ("csv".equals(format) || (accept != null && accept.contains("text/csv"))) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"revisionsspor.csv\"")
                    .body(AuditCsv.of(entries));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(entries);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": skal være en gyldig dato (ÅÅÅÅ-MM-DD)");
        }
    }
}
