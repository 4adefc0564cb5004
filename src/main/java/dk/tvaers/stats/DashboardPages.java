package dk.tvaers.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Stage;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.Threshold;
import dk.tvaers.web.InvalidInputException;
import dk.tvaers.web.LanguageLink;
import dk.tvaers.web.Texts;
import dk.tvaers.web.WorkplacePage;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The leaders' dashboard {@code /statistik}: the key figures the forum steers by, each against the
 * period before; then every figure as a chart with its table beside it (the table is what a screen
 * reader reads and what a leader copies), a date range, a department filter and the CSV. By default the
 * last three months against the three before them: "did it get better this quarter".
 */
@WorkplacePage
class DashboardPages {

    /** A figure in a table: its label and the values of its columns, formatted for the page (a suppressed count is "<5"). */
    record Row(String label, List<String> values, boolean changed) {}

    /** A key figure: its value now and in the period before (null for what stands now), and what it means. */
    record KeyFigure(String id, String title, String value, String previous, String explanation) {}

    /** A chart's data for static/js/stats-charts.js: kind, labels, series (null where a value is not shown), an axis title, and its top (null: from the data). */
    record Chart(String kind, List<String> labels, List<Series> series, String axis, Double max) {
        Chart(String kind, List<String> labels, List<Series> series, String axis) {
            this(kind, labels, series, axis, null);
        }
    }

    record Series(String label, List<Double> data, String type) {}

    private final Statistics statistics;
    private final RecentFigures recent;
    private final RuleEngine rules;
    private final Clock clock;
    private final Texts texts;
    private final ObjectMapper json;

    DashboardPages(Statistics statistics, RecentFigures recent, RuleEngine rules, Clock clock, MessageSource messages, ObjectMapper json) {
        this.statistics = statistics;
        this.recent = recent;
        this.rules = rules;
        this.clock = clock;
        this.texts = Texts.of(messages);
        this.json = json;
    }

    @GetMapping("/statistik")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String department, Model model) throws JsonProcessingException {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = new LinkedHashMap<>();
        Period period;
        try {
            period = Period.parse(from, to, department, today);
            if (from == null || from.isBlank()) {
                // The page's default: the last three months, to be held against the three before them.
                period = new Period(period.to().minusMonths(3).plusDays(1), period.to(), period.department());
            }
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message(texts)));
            period = new Period(today.minusMonths(3).plusDays(1), today, null);
        }
        long days = ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
        Period before = new Period(period.from().minusDays(days), period.from().minusDays(1), period.department());
        RecentFigures.Computed computed = recent.report(period);
        Statistics.Report now = computed.report();
        Statistics.Report then = recent.comparison(before).report();

        model.addAttribute("report", now);
        model.addAttribute("computedAt", java.time.LocalTime.ofInstant(computed.at(), clock.getZone())
                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(LocaleContextHolder.getLocale());
        model.addAttribute("periodText", List.of(period.from().format(day), period.to().format(day), before.from().format(day),
                before.to().format(day)));
        model.addAttribute("errors", errors);
        model.addAttribute("from", errors.isEmpty() ? period.from().toString() : from);
        model.addAttribute("to", errors.isEmpty() ? period.to().toString() : to);
        model.addAttribute("department", period.department() == null ? "" : period.department().name());
        model.addAttribute("departments", Department.values());
        model.addAttribute("csvUrl", UriComponentsBuilder.fromPath("/statistik/tal.csv").queryParam("from", period.from())
                .queryParam("to", period.to()).queryParamIfPresent("department", java.util.Optional.ofNullable(period.department()))
                .build().toUriString());
        model.addAttribute("keyFigures", keyFigures(now, then));
        model.addAttribute("longest", longest(now, then));
        model.addAttribute("stages", stageRows(now));
        model.addAttribute("stagesChart", json(countChart(now.casesByStage(), s -> texts.get("stage." + s), texts.get("stats.chart.cases"))));
        model.addAttribute("stageWaits", waitRows(now.waitingDaysByStage(), then.waitingDaysByStage(), s -> texts.get("stage." + s),
                s -> threshold(Statistics.STAGE_THRESHOLDS.get(s))));
        model.addAttribute("stageWaitsChart", json(waitChart(now.waitingDaysByStage(), s -> texts.get("stage." + s),
                s -> threshold(Statistics.STAGE_THRESHOLDS.get(s)))));
        model.addAttribute("effortWaits", waitRows(now.waitingDaysByEffort(), then.waitingDaysByEffort(), e -> texts.get("effort." + e),
                e -> threshold(Statistics.effortThreshold(e))));
        model.addAttribute("effortWaitsChart", json(waitChart(now.waitingDaysByEffort(), e -> texts.get("effort." + e),
                e -> threshold(Statistics.effortThreshold(e)))));
        model.addAttribute("weeks", weekRows(now));
        model.addAttribute("weeksChart", json(weekChart(now)));
        model.addAttribute("openAlarms", now.openAlarmsByCode().entrySet().stream()
                .map(e -> new Row(texts.get("alarm." + e.getKey()), List.of(e.getValue().toString()), false)).toList());
        model.addAttribute("perCase", countRows(now.departmentsPerCase(), b -> texts.get("stats.departments", b)));
        model.addAttribute("perCaseChart", json(countChart(now.departmentsPerCase(), b -> texts.get("stats.departments", b),
                texts.get("stats.chart.cases"))));
        model.addAttribute("involvement", countRows(now.involvementByDepartment(), d -> texts.get("department." + d)));
        model.addAttribute("involvementChart", json(countChart(now.involvementByDepartment(), d -> texts.get("department." + d),
                texts.get("stats.chart.cases"))));
        List<Row> outcomes = new ArrayList<>();
        now.outcomes().forEach((o, n) -> outcomes.add(new Row(texts.get("outcome." + o), List.of(n.toString(),
                decimal(now.keyFigures().outcomesPer100().get(o))), false)));
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("outcomesChart", json(countChart(now.outcomes(), o -> texts.get("outcome." + o), texts.get("stats.chart.cases"))));
        List<Row> progression = new ArrayList<>();
        List<String> dimensions = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> latest = new ArrayList<>();
        now.progression().forEach((d, s) -> {
            progression.add(new Row(texts.get("value." + d), List.of(decimal(s.first()), decimal(s.latest()), s.n().toString()), false));
            dimensions.add(texts.get("value." + d));
            first.add(s.first());
            latest.add(s.latest());
        });
        model.addAttribute("progression", progression);
        model.addAttribute("progressionChart", json(new Chart("bar", dimensions, List.of(new Series(texts.get("stats.col.first"), first, null),
                new Series(texts.get("stats.col.latest"), latest, null)), texts.get("stats.chart.score"), 10.0)));
        model.addAttribute(LanguageLink.PAGE_URL, "/statistik");
        return "stats/dashboard";
    }

    @GetMapping("/statistik/tal.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String department) {
        Period period = Period.parse(from, to, department, LocalDate.now(clock));
        return StatsCsv.download(statistics.report(period), texts, true);
    }

    /** Where citizens wait longest: the waiting stage or effort with the highest median, against the period before. */
    private String longest(Statistics.Report now, Statistics.Report then) {
        String label = null;
        double worst = -1;
        Double before = null;
        for (Stage stage : Statistics.WAITING_STAGES) {
            Statistics.Days d = now.waitingDaysByStage().get(stage);
            if (d.median() != null && d.median() > worst) {
                worst = d.median();
                label = texts.get("stage." + stage);
                before = then.waitingDaysByStage().get(stage).median();
            }
        }
        for (var e : now.waitingDaysByEffort().entrySet()) {
            if (e.getValue().median() != null && e.getValue().median() > worst) {
                worst = e.getValue().median();
                label = texts.get("effort." + e.getKey());
                before = then.waitingDaysByEffort().get(e.getKey()).median();
            }
        }
        if (label == null) {
            return null;
        }
        return texts.get("stats.longest", label, decimal(worst), before == null ? texts.get("stats.notShown") : decimal(before));
    }

    private List<KeyFigure> keyFigures(Statistics.Report now, Statistics.Report then) {
        Statistics.KeyFigures k = now.keyFigures();
        Statistics.KeyFigures p = then.keyFigures();
        List<KeyFigure> figures = new ArrayList<>();
        figures.add(share("interdisciplinary", k.interdisciplinary(), p.interdisciplinary()));
        figures.add(days("daysToYouthTeam", k.daysToYouthTeam(), p.daysToYouthTeam(), threshold("WAIT_SPARRING")));
        figures.add(days("daysToNetworkMeeting", k.daysToNetworkMeeting(), p.daysToNetworkMeeting(), null));
        figures.add(days("daysToFirstInternship", k.daysToFirstInternship(), p.daysToFirstInternship(), null));
        // What stands now has no period before.
        figures.add(share("openGapAlarm", k.openGapAlarm(), null));
        figures.add(share("agreementsKept", k.agreementsKept(), p.agreementsKept()));
        figures.add(new KeyFigure("outcomesPer100", texts.get("stats.key.outcomesPer100"), per100(k), per100(p),
                texts.get("stats.key.outcomesPer100.about", k.closedCases().toString())));
        return figures;
    }

    private KeyFigure share(String id, Statistics.Share now, Statistics.Share then) {
        return new KeyFigure(id, texts.get("stats.key." + id), percent(now), then == null ? null : percent(then),
                texts.get("stats.key." + id + ".about", now.count().toString(), now.n().toString()));
    }

    private KeyFigure days(String id, Statistics.Days now, Statistics.Days then, Integer threshold) {
        String about = texts.get("stats.key." + id + ".about", now.n().toString());
        if (threshold != null) {
            about = about + " " + texts.get("stats.key.threshold", threshold);
        }
        return new KeyFigure(id, texts.get("stats.key." + id), dayCount(now.median()), dayCount(then.median()), about);
    }

    private String percent(Statistics.Share share) {
        return share.percent() == null ? texts.get("stats.notShown") : texts.get("stats.percent", decimal(share.percent()));
    }

    private String dayCount(Double days) {
        return days == null ? texts.get("stats.notShown") : texts.get("stats.days", decimal(days));
    }

    private String per100(Statistics.KeyFigures k) {
        List<String> parts = new ArrayList<>();
        k.outcomesPer100().forEach((o, n) -> {
            if (n != null && n > 0) {
                parts.add(texts.get("outcome." + o) + " " + decimal(n));
            }
        });
        return parts.isEmpty() ? texts.get("stats.notShown") : String.join(" · ", parts);
    }

    private Integer threshold(String code) {
        if (code == null) {
            return null;
        }
        Threshold threshold = rules.active().thresholds().get(code);
        return threshold == null ? null : threshold.days();
    }

    private List<Row> stageRows(Statistics.Report report) {
        return countRows(report.casesByStage(), s -> texts.get("stage." + s));
    }

    private static <K> List<Row> countRows(Map<K, Count> counts, Function<K, String> label) {
        List<Row> rows = new ArrayList<>();
        counts.forEach((k, n) -> rows.add(new Row(label.apply(k), List.of(n.toString()), false)));
        return rows;
    }

    /** Per stage or effort: median, 90 %, n, the median of the period before, the threshold. */
    private <K> List<Row> waitRows(Map<K, Statistics.Days> now, Map<K, Statistics.Days> then, Function<K, String> label,
                                   Function<K, Integer> threshold) {
        List<Row> rows = new ArrayList<>();
        now.forEach((k, d) -> {
            Integer days = threshold.apply(k);
            Statistics.Days before = then.get(k);
            boolean over = days != null && d.median() != null && d.median() > days;
            rows.add(new Row(label.apply(k), List.of(decimal(d.median()), decimal(d.p90()), d.n().toString(),
                    decimal(before == null ? null : before.median()), days == null ? "–" : String.valueOf(days)), over));
        });
        return rows;
    }

    private <K> Chart countChart(Map<K, Count> counts, Function<K, String> label, String axis) {
        List<String> labels = new ArrayList<>();
        List<Double> data = new ArrayList<>();
        counts.forEach((k, n) -> {
            labels.add(label.apply(k));
            data.add(n.suppressed() ? null : (double) n.value());
        });
        return new Chart("bar", labels, List.of(new Series(axis, data, null)), axis);
    }

    private <K> Chart waitChart(Map<K, Statistics.Days> days, Function<K, String> label, Function<K, Integer> threshold) {
        List<String> labels = new ArrayList<>();
        List<Double> median = new ArrayList<>();
        List<Double> p90 = new ArrayList<>();
        List<Double> limits = new ArrayList<>();
        days.forEach((k, d) -> {
            labels.add(label.apply(k));
            median.add(d.median());
            p90.add(d.p90());
            Integer limit = threshold.apply(k);
            limits.add(limit == null ? null : limit.doubleValue());
        });
        return new Chart("bar", labels, List.of(new Series(texts.get("stats.col.median"), median, null),
                new Series(texts.get("stats.col.p90"), p90, null), new Series(texts.get("stats.col.threshold"), limits, "threshold")),
                texts.get("stats.chart.days"));
    }

    /** Per week: the alarms raised and cleared, all codes together (a total of 1 to 4 is "<5" too). */
    private List<Row> weekRows(Statistics.Report report) {
        return report.alarmsByWeek().stream().map(w -> new Row(w.week(), List.of(total(w.raised()).toString(), total(w.cleared()).toString()),
                false)).toList();
    }

    private Chart weekChart(Statistics.Report report) {
        List<String> labels = new ArrayList<>();
        List<Double> raised = new ArrayList<>();
        List<Double> cleared = new ArrayList<>();
        for (Statistics.Week w : report.alarmsByWeek()) {
            labels.add(w.week());
            raised.add(shown(total(w.raised())));
            cleared.add(shown(total(w.cleared())));
        }
        return new Chart("line", labels, List.of(new Series(texts.get("stats.col.raised"), raised, null),
                new Series(texts.get("stats.col.cleared"), cleared, null)), texts.get("stats.chart.alarms"));
    }

    private static Count total(Map<String, Count> counts) {
        return Count.of(counts.values().stream().mapToLong(Count::value).sum());
    }

    private static Double shown(Count count) {
        return count.suppressed() ? null : (double) count.value();
    }

    private String decimal(Double value) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    private String json(Chart chart) throws JsonProcessingException {
        return json.writeValueAsString(chart);
    }
}
