package dk.tvaers.rules;

import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Flag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The leaders' table of department suggestions: a spreadsheet ({@code .xlsx}) or CSV file (comma or
 * semicolon, as Excel and LibreOffice save it) with one rule per row. Its columns, found by their
 * heading in the first row: {@code Regel} (the rule's name), {@code Flag} (a case flag),
 * {@code Alder fra} and {@code Alder under} (the citizen's age, from and below), {@code Afdeling}
 * (the department suggested) and {@code Begrundelse} (the Danish reason; {@code {alder}} is the
 * citizen's age). A row's conditions must all hold. Each row becomes a rule; every problem is
 * reported with the sheet's row number, as the spreadsheet shows it.
 */
public final class SuggestionTable {

    static final String RULE = "regel";
    static final String FLAG = "flag";
    static final String AGE_FROM = "alder fra";
    static final String AGE_UNDER = "alder under";
    static final String DEPARTMENT = "afdeling";
    static final String REASON = "begrundelse";
    private static final List<String> COLUMNS = List.of(RULE, FLAG, AGE_FROM, AGE_UNDER, DEPARTMENT, REASON);
    private static final String AGE = "{alder}";

    /** One row: a rule that suggests {@code department} when the flag (if any) and the ages (if any) hold. */
    public record TableRule(String source, int row, String rule, Flag flag, Integer ageFrom, Integer ageUnder,
                            Department department, String reason) {}

    /** Whether a file is such a table (a Drools decision table is named *.drl.xlsx or *.drl.csv). */
    static boolean isTable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return (lower.endsWith(".xlsx") || lower.endsWith(".csv")) && !lower.endsWith(".drl.xlsx") && !lower.endsWith(".drl.csv")
                && !lower.endsWith("thresholds.csv");
    }

    /**
     * Reads the rows of a table.
     *
     * @throws RuleCompilationException with the row and the reason of every problem
     */
    static List<TableRule> parse(RuleSource source) {
        List<List<String>> rows = source.name().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? readSheet(source) : readCsv(source);
        List<RuleProblem> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            throw new RuleCompilationException(List.of(new RuleProblem(source.name(), 1, "tabellen er tom; første række skal have overskrifterne "
                    + String.join(", ", headings()))));
        }
        Map<String, Integer> column = new LinkedHashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            String heading = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(heading)) {
                column.putIfAbsent(heading, i);
            }
        }
        for (String required : List.of(RULE, DEPARTMENT, REASON)) {
            if (!column.containsKey(required)) {
                problems.add(new RuleProblem(source.name(), 1, "kolonnen '" + heading(required) + "' mangler i første række"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        List<TableRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            int rowNo = r + 1;
            if (cells.stream().allMatch(c -> c.isBlank())) {
                continue;
            }
            String rule = cell(cells, column.get(RULE));
            String flagText = cell(cells, column.get(FLAG));
            String departmentText = cell(cells, column.get(DEPARTMENT));
            String reason = cell(cells, column.get(REASON));
            int before = problems.size();
            if (rule.isEmpty()) {
                problems.add(new RuleProblem(source.name(), rowNo, "'Regel' skal udfyldes med reglens navn"));
            } else if (rule.length() > 150 || !rule.matches("[\\p{L}0-9 ._-]+")) {
                problems.add(new RuleProblem(source.name(), rowNo, "'Regel' må kun have bogstaver, tal, mellemrum, punktum, bindestreg og understreg (højst 150 tegn)"));
            } else if (!names.add(rule)) {
                problems.add(new RuleProblem(source.name(), rowNo, "reglen '" + rule + "' står to gange"));
            }
            Flag flag = null;
            if (!flagText.isEmpty()) {
                flag = code(Flag.class, flagText);
                if (flag == null) {
                    problems.add(new RuleProblem(source.name(), rowNo, "ukendt flag '" + flagText + "'"));
                }
            }
            Integer ageFrom = age(source, rowNo, AGE_FROM, cell(cells, column.get(AGE_FROM)), problems);
            Integer ageUnder = age(source, rowNo, AGE_UNDER, cell(cells, column.get(AGE_UNDER)), problems);
            if (ageFrom != null && ageUnder != null && ageFrom >= ageUnder) {
                problems.add(new RuleProblem(source.name(), rowNo, "'Alder fra' skal være mindre end 'Alder under'"));
            }
            if (flagText.isEmpty() && ageFrom == null && ageUnder == null) {
                problems.add(new RuleProblem(source.name(), rowNo, "rækken har ingen betingelse: udfyld 'Flag', 'Alder fra' eller 'Alder under'"));
            }
            Department department = null;
            if (departmentText.isEmpty()) {
                problems.add(new RuleProblem(source.name(), rowNo, "'Afdeling' skal udfyldes"));
            } else {
                department = code(Department.class, departmentText);
                if (department == null) {
                    problems.add(new RuleProblem(source.name(), rowNo, "ukendt afdeling '" + departmentText + "'"));
                } else if (department == Department.JOBCENTER) {
                    problems.add(new RuleProblem(source.name(), rowNo, "jobcentret er altid med og kan ikke foreslås"));
                }
            }
            if (reason.isEmpty()) {
                problems.add(new RuleProblem(source.name(), rowNo, "'Begrundelse' skal udfyldes"));
            } else if (reason.length() > 500) {
                problems.add(new RuleProblem(source.name(), rowNo, "'Begrundelse' må højst være 500 tegn"));
            }
            if (problems.size() == before) {
                rules.add(new TableRule(source.name(), rowNo, rule, flag, ageFrom, ageUnder, department, reason));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return rules;
    }

    /** A table's rules as DRL, and the sheet row each line of it came from. */
    record Generated(String drl, java.util.NavigableMap<Integer, Integer> rowFromLine) {

        int rowOf(int line) {
            var entry = rowFromLine.floorEntry(line);
            return entry == null ? 1 : entry.getValue();
        }
    }

    /** The rules of a table as DRL, one rule per row, in package {@code suggestions}. */
    static Generated drl(List<TableRule> rules) {
        StringBuilder drl = new StringBuilder("package suggestions;\n\nimport dk.tvaers.rules.CaseFacts;\nimport dk.tvaers.rules.Suggestion;\n");
        java.util.NavigableMap<Integer, Integer> rowFromLine = new java.util.TreeMap<>();
        for (TableRule rule : rules) {
            rowFromLine.put((int) drl.chars().filter(c -> c == '\n').count() + 2, rule.row());
            List<String> constraints = new ArrayList<>();
            if (rule.flag() != null) {
                constraints.add("hasFlag(\"" + rule.flag().name() + "\")");
            }
            if (rule.ageFrom() != null) {
                constraints.add("age >= " + rule.ageFrom());
            }
            if (rule.ageUnder() != null) {
                constraints.add("age < " + rule.ageUnder());
            }
            drl.append("\nrule \"").append(rule.rule()).append("\"\nwhen\n    $case : CaseFacts( ")
                    .append(String.join(", ", constraints)).append(" )\nthen\n    insertLogical(new Suggestion(\"")
                    .append(rule.department().name()).append("\", drools.getRule().getName(), ")
                    .append(reasonExpression(rule.reason())).append("));\nend\n");
        }
        return new Generated(drl.toString(), rowFromLine);
    }

    /** The reason as a Java string expression, with {alder} as the citizen's age. */
    private static String reasonExpression(String reason) {
        String[] parts = reason.split(java.util.regex.Pattern.quote(AGE), -1);
        List<String> literals = new ArrayList<>();
        for (String part : parts) {
            literals.add('"' + part.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ") + '"');
        }
        return String.join(" + $case.age() + ", literals);
    }

    static List<String> headings() {
        return COLUMNS.stream().map(SuggestionTable::heading).toList();
    }

    private static String heading(String column) {
        return Character.toUpperCase(column.charAt(0)) + column.substring(1);
    }

    private static Integer age(RuleSource source, int row, String column, String text, List<RuleProblem> problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            int age = Integer.parseInt(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
            if (age < 0 || age > 130) {
                problems.add(new RuleProblem(source.name(), row, "'" + heading(column) + "' skal være mellem 0 og 130"));
                return null;
            }
            return age;
        } catch (NumberFormatException e) {
            problems.add(new RuleProblem(source.name(), row, "'" + heading(column) + "' skal være et helt antal år: '" + text + "'"));
            return null;
        }
    }

    private static <E extends Enum<E>> E code(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.trim())) {
                return constant;
            }
        }
        return null;
    }

    private static String cell(List<String> cells, Integer index) {
        return index == null || index >= cells.size() ? "" : cells.get(index).trim();
    }

    private static List<List<String>> readSheet(RuleSource source) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(source.content()))) {
            if (workbook.getNumberOfSheets() == 0) {
                return List.of();
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new RuleCompilationException(List.of(new RuleProblem(source.name(), 0,
                    "filen kan ikke læses som et regneark (.xlsx): " + e.getClass().getSimpleName())));
        }
    }

    /** CSV as Excel and LibreOffice write it: comma or semicolon, quotes doubled, UTF-8 or Windows-1252. */
    static List<List<String>> readCsv(RuleSource source) {
        String text = decode(source.content());
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLine = text.indexOf('\n');
        String header = firstLine < 0 ? text : text.substring(0, firstLine);
        char separator = header.indexOf(';') >= 0 ? ';' : ',';
        try (CSVParser parser = CSVFormat.EXCEL.builder().setDelimiter(separator).get().parse(new StringReader(text))) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
            return rows;
        } catch (IOException | UncheckedIOException e) {
            throw new RuleCompilationException(List.of(new RuleProblem(source.name(), 0, "filen kan ikke læses som CSV: " + e.getMessage())));
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private SuggestionTable() {
    }
}
