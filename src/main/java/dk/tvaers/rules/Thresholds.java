package dk.tvaers.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leaders' threshold file, {@code rules/alarms/thresholds.csv}: one line per alarm code with
 * days, severity and a Danish description. Parsed strictly: a bad line is reported with its number.
 */
public final class Thresholds {

    /** Every key the shipped alarm rules read; a threshold file must give each of them. */
    public static final Set<String> KNOWN_CODES = Set.of("CONSENT_MISSING", "NO_COORDINATOR", "WAIT_SPARRING",
            "WAIT_NETWORK_MEETING", "WAIT_SERVICE", "WAIT_SERVICE_ADDICTION_TREATMENT", "GAP_NO_ACTIVE_EFFORT",
            "AGREEMENT_OVERDUE", "NO_FOLLOW_UP", "SUGGESTION_UNANSWERED", "TRANSITION_AT_18");
    static final Set<String> SEVERITIES = Set.of("INFO", "WARNING", "CRITICAL");
    private static final String HEADER = "code,days,severity,description";

    private final Map<String, Threshold> byCode;

    private Thresholds(Map<String, Threshold> byCode) {
        this.byCode = byCode;
    }

    public static Thresholds parse(RuleSource source) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Threshold> byCode = new LinkedHashMap<>();
        String[] lines = source.text().replace("\r", "").split("\n");
        if (lines.length == 0 || !lines[0].trim().equalsIgnoreCase(HEADER)) {
            problems.add(new RuleProblem(source.name(), 1, "første linje skal være overskriften '" + HEADER + "'"));
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", 4);
            int lineNo = i + 1;
            if (cells.length < 3) {
                problems.add(new RuleProblem(source.name(), lineNo, "forventer kode,dage,alvor[,beskrivelse]"));
                continue;
            }
            String code = cells[0].trim();
            String severity = cells[2].trim();
            if (!KNOWN_CODES.contains(code)) {
                problems.add(new RuleProblem(source.name(), lineNo, "ukendt alarmkode '" + code + "'"));
                continue;
            }
            if (byCode.containsKey(code)) {
                problems.add(new RuleProblem(source.name(), lineNo, "alarmkoden '" + code + "' står to gange"));
                continue;
            }
            int days;
            try {
                days = Integer.parseInt(cells[1].trim());
            } catch (NumberFormatException e) {
                problems.add(new RuleProblem(source.name(), lineNo, "antal dage skal være et helt tal: '" + cells[1].trim() + "'"));
                continue;
            }
            if (days < 0) {
                problems.add(new RuleProblem(source.name(), lineNo, "antal dage må ikke være negativt"));
                continue;
            }
            if (!SEVERITIES.contains(severity)) {
                problems.add(new RuleProblem(source.name(), lineNo, "alvor skal være INFO, WARNING eller CRITICAL: '" + severity + "'"));
                continue;
            }
            byCode.put(code, new Threshold(code, days, severity, cells.length > 3 ? cells[3].trim() : ""));
        }
        KNOWN_CODES.stream().filter(code -> !byCode.containsKey(code)).sorted()
                .forEach(code -> problems.add(new RuleProblem(source.name(), 0, "mangler en grænse for alarmkoden " + code)));
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return new Thresholds(byCode);
    }

    /** The same thresholds with some days replaced (leaders' tuning). */
    public Thresholds withDays(Map<String, Integer> days) {
        Map<String, Threshold> copy = new LinkedHashMap<>(byCode);
        days.forEach((code, value) -> {
            Threshold old = copy.get(code);
            if (old == null) {
                throw new IllegalArgumentException("ukendt alarmkode '" + code + "'");
            }
            copy.put(code, new Threshold(code, value, old.severity(), old.description()));
        });
        return new Thresholds(copy);
    }

    /** The threshold file with these thresholds, as {@link #parse} reads it. */
    public byte[] render() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        byCode.values().forEach(t -> csv.append(t.code()).append(',').append(t.days()).append(',').append(t.severity()).append(',')
                .append(t.description().replace('\n', ' ')).append('\n'));
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public Collection<Threshold> all() {
        return byCode.values();
    }

    public Threshold get(String code) {
        return byCode.get(code);
    }

    /** Alarm code → days, in file order. */
    public Map<String, Integer> days() {
        Map<String, Integer> days = new LinkedHashMap<>();
        byCode.forEach((code, t) -> days.put(code, t.days()));
        return days;
    }
}
