package dk.tvaers.audit;

import java.util.List;

/** The audit trail as CSV with semicolons (what Danish spreadsheets expect). */
final class AuditCsv {

    static String of(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder("tidspunkt;bruger;sag;handling;resultat\n");
        for (AuditEntry e : entries) {
            csv.append(e.occurredAt()).append(';').append(cell(e.user())).append(';').append(cell(e.caseId())).append(';')
                    .append(cell(e.action())).append(';').append(cell(e.result())).append('\n');
        }
        return csv.toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String escaped = value.replace("\"", "\"\"");
        return escaped.contains(";") || escaped.contains("\"") || escaped.contains("\n") ? "\"" + escaped + "\"" : escaped;
    }

    private AuditCsv() {
    }
}
