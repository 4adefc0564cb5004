package dk.tvaers.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit trail as CSV with semicolons (what Danish spreadsheets expect), written by Commons CSV.
 * A cell a spreadsheet would read as a formula (it starts with {@code = + - @}, a tab or a carriage
 * return, OWASP's list for CSV injection) gets a leading apostrophe, so it is shown as text and never run.
 */
final class AuditCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setRecordSeparator('\n')
            .setHeader("tidspunkt", "bruger", "sag", "handling", "resultat")
            .get();

    static String of(List<AuditEntry> entries) {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            for (AuditEntry e : entries) {
                printer.printRecord(e.occurredAt(), text(e.user()), text(e.caseId()), text(e.action()), text(e.result()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    /** The cell as text a spreadsheet does not evaluate. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    private AuditCsv() {
    }
}
