package dk.tvaers.stats;

import dk.tvaers.web.Texts;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The figures as CSV, one row per figure: the figure's name as in the JSON, its key (a stage, an effort,
 * a week and alarm code …), the measure (count, median, p90, n, first, latest, percent, raised, cleared),
 * the value as shown ("&lt;5" when suppressed, empty when left out) and a label in the page's language.
 * Semicolons and a decimal comma, what a Danish spreadsheet reads without asking; every cell is a code,
 * a number or a text of the product's own bundle, never a caller's input.
 */
public final class StatsCsv {

    /** The media type, with the character set a spreadsheet needs to read æ, ø and å. */
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setRecordSeparator('\n')
            .setHeader("figure", "key", "measure", "value", "label")
            .get();

    private final CSVPrinter printer;
    private final Texts texts;

    private StatsCsv(CSVPrinter printer, Texts texts) {
        this.printer = printer;
        this.texts = texts;
    }

    /** The report as a CSV download, named by its period; {@code bom} puts a byte-order mark first (Excel reads UTF-8 by it). */
    public static ResponseEntity<String> download(Statistics.Report report, Texts texts, boolean bom) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tvaers-tal-" + report.from() + "-" + report.to() + ".csv\"")
                .body((bom ? "\uFEFF" : "") + of(report, texts));
    }

    /** The report as CSV with labels from {@code texts}. */
    public static String of(Statistics.Report report, Texts texts) {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            new StatsCsv(printer, texts).write(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    private void write(Statistics.Report r) throws IOException {
        printer.printRecord("from", "", "date", r.from(), texts.get("stats.csv.from"));
        printer.printRecord("to", "", "date", r.to(), texts.get("stats.csv.to"));
        if (r.department() != null) {
            printer.printRecord("department", r.department(), "code", r.department(), texts.get("department." + r.department()));
        }
        row("activeCases", "", "count", r.activeCases(), texts.get("stats.activeCases"));
        r.casesByStage().forEach((stage, n) -> row("casesByStage", stage, "count", n, texts.get("stage." + stage)));
        r.waitingDaysByStage().forEach((stage, d) -> days("waitingDaysByStage", stage, d, texts.get("stage." + stage)));
        r.waitingDaysByEffort().forEach((effort, d) -> days("waitingDaysByEffort", effort, d, texts.get("effort." + effort)));
        r.openAlarmsByCode().forEach((code, n) -> row("openAlarmsByCode", code, "count", n, alarm(code)));
        for (Statistics.Week week : r.alarmsByWeek()) {
            week.raised().forEach((code, n) -> row("alarmsByWeek", week.week() + " " + code, "raised", n, alarm(code)));
            week.cleared().forEach((code, n) -> row("alarmsByWeek", week.week() + " " + code, "cleared", n, alarm(code)));
        }
        r.departmentsPerCase().forEach((bucket, n) -> row("departmentsPerCase", bucket, "count", n, texts.get("stats.departments", bucket)));
        r.involvementByDepartment().forEach((department, n) -> row("involvementByDepartment", department, "count", n,
                texts.get("department." + department)));
        r.outcomes().forEach((outcome, n) -> row("outcomes", outcome, "count", n, texts.get("outcome." + outcome)));
        r.progression().forEach((dimension, s) -> {
            String label = texts.get("value." + dimension);
            row("progression", dimension, "first", s.first(), label);
            row("progression", dimension, "latest", s.latest(), label);
            row("progression", dimension, "n", s.n(), label);
        });
        Statistics.KeyFigures k = r.keyFigures();
        share("keyFigures.interdisciplinary", k.interdisciplinary());
        days("keyFigures.daysToYouthTeam", "", k.daysToYouthTeam(), texts.get("stats.key.daysToYouthTeam"));
        days("keyFigures.daysToNetworkMeeting", "", k.daysToNetworkMeeting(), texts.get("stats.key.daysToNetworkMeeting"));
        days("keyFigures.daysToFirstInternship", "", k.daysToFirstInternship(), texts.get("stats.key.daysToFirstInternship"));
        share("keyFigures.openGapAlarm", k.openGapAlarm());
        share("keyFigures.agreementsKept", k.agreementsKept());
        row("keyFigures.closedCases", "", "count", k.closedCases(), texts.get("stats.key.closedCases"));
        k.outcomesPer100().forEach((outcome, per100) -> row("keyFigures.outcomesPer100", outcome, "per100", per100,
                texts.get("outcome." + outcome)));
    }

    private String alarm(String code) {
        return texts.get("alarm." + code);
    }

    private void days(String figure, Object key, Statistics.Days d, String label) {
        row(figure, key, "median", d.median(), label);
        row(figure, key, "p90", d.p90(), label);
        row(figure, key, "n", d.n(), label);
    }

    private void share(String figure, Statistics.Share s) {
        String label = texts.get("stats.key." + figure.substring(figure.indexOf('.') + 1));
        row(figure, "", "percent", s.percent(), label);
        row(figure, "", "count", s.count(), label);
        row(figure, "", "n", s.n(), label);
    }

    private void row(String figure, Object key, String measure, Object value, String label) {
        try {
            printer.printRecord(figure, key, measure, value(value), label);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value as a Danish spreadsheet reads it: a decimal comma, "&lt;5" as text, nothing for a figure left out. */
    private static String value(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d).replace('.', ',');
        }
        return String.valueOf(value);
    }
}
