package dk.tvaers.audit;

import java.time.Instant;

/** One line of the audit trail. */
public record AuditEntry(long id, Instant occurredAt, String user, String caseId, String action, String result) {
}
