package dk.tvaers.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One line of the audit trail. */
public record AuditEntry(long id, Instant occurredAt, String user, @Schema(nullable = true) String caseId, String action, String result) {
}
