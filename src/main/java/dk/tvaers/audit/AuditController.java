package dk.tvaers.audit;

import dk.tvaers.security.CaseAccessPolicy;
import dk.tvaers.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

/** The audit trail for the administrator and the data protection officer, as JSON or CSV, a page at a time. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Hvem så og ændrede hvilken sag")
class AuditController {

    static final String AUDITOR_GROUP = CaseAccessPolicy.ADMIN_GROUP;
    static final int MAX_SIZE = 1000;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /** One page of the trail, as the case list pages its cases. */
    record AuditPage(List<AuditEntry> content, int page, int size, long totalElements, int totalPages) {}

    /** A query parameter the trail cannot be read with: answered 400 with the field (see ApiProblems). */
    static final class BadQuery extends IllegalArgumentException {
        BadQuery(String field, String message) {
            super(field + ": " + message);
        }
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Revisionssporet, nyeste først, en side ad gangen; CSV med Accept: text/csv eller format=csv")
    @ApiResponse(responseCode = "200", description = "En side af sporet",
            headers = @Header(name = "X-Total-Count", description = "Antal poster i alt (CSV)", schema = @Schema(type = "integer")),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AuditPage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<?> find(@RequestParam(required = false) String caseId, @RequestParam(required = false) String user,
                           @Parameter(schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String from,
                           @Parameter(schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String to,
                           @Parameter(schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) String format,
                           @Parameter(schema = @Schema(type = "integer", minimum = "0", maximum = "1000000", defaultValue = "0"))
                           @RequestParam(required = false) String page,
                           @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
                           @RequestParam(required = false) String size,
                           @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                           Authentication auth) {
        if (!CurrentUser.of(auth).isMemberOf(AUDITOR_GROUP)) {
            throw new AccessDeniedException("Kun administratorer kan se revisionssporet");
        }
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw new BadQuery("format", "Skal være json eller csv");
        }
        int pageNumber = number("page", page, 0, 0, 1_000_000);
        int pageSize = number("size", size, 100, 1, MAX_SIZE);
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new BadQuery("to", "Slutdatoen kan ikke ligge før startdatoen");
        }
        AuditTrail.Page result = trail.page(caseId, user, fromDate, toDate, pageNumber, pageSize);
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv") && !accept.contains("json"));
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"revisionsspor.csv\"")
                    .header("X-Total-Count", String.valueOf(result.total()))
                    .body(AuditCsv.of(result.entries()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new AuditPage(result.entries(), pageNumber, pageSize,
                result.total(), (int) ((result.total() + pageSize - 1) / pageSize)));
    }

    private static int number(String field, String text, int absent, int min, int max) {
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadQuery(field, "Skal være et helt tal fra " + min + " til " + max);
    }

    private static LocalDate date(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (dk.tvaers.web.Input.isDayOfACase(date)) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new BadQuery(field, "Skal være en gyldig dato (ÅÅÅÅ-MM-DD) fra år " + dk.tvaers.web.Input.FIRST_YEAR + " til "
                + dk.tvaers.web.Input.LAST_YEAR);
    }
}
