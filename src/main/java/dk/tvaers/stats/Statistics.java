package dk.tvaers.stats;

import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Dimension;
import dk.tvaers.casefile.EffortType;
import dk.tvaers.casefile.MeetingKind;
import dk.tvaers.casefile.Outcome;
import dk.tvaers.casefile.Stage;
import dk.tvaers.security.CurrentUser;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leaders' figures for a period, each one SQL aggregate over the case file (no case is loaded),
 * shown with statistical discretion ({@link Count}): what stands now (active cases, their stages, the
 * open alarms) and what happened in the period (stays in a stage that ended in it, efforts that started
 * in it, alarms raised and cleared in it, cases closed in it, progression scored up to it). "The cases
 * of the period" are those referred by its last day and not closed before its first; with a department,
 * only the cases that department takes part in (status involved), for every figure.
 */
@Component
public class Statistics {

    /** Days in a stage or waiting for something: median and 90th percentile (days, one decimal), left out when fewer than 5 cases count. */
    @Schema(name = "StatsDays")
    public record Days(@Schema(nullable = true) Double median, @Schema(nullable = true) Double p90, Count n) {}

    /** One ISO week (2026-W47): alarms raised and cleared in it, by alarm code. */
    @Schema(name = "StatsWeek")
    public record Week(String week, Map<String, Count> raised, Map<String, Count> cleared) {}

    /** The mean first and latest score (1–10) on one dimension of the cases scored at least twice, the latest in the period. */
    @Schema(name = "StatsScores")
    public record Scores(@Schema(nullable = true) Double first, @Schema(nullable = true) Double latest, Count n) {}

    /** {@code count} of {@code n} as a percentage (one decimal); left out when either is too small to show. */
    @Schema(name = "StatsShare")
    public record Share(Count count, Count n, @Schema(nullable = true) Double percent) {
        static Share of(long count, long n) {
            Count shown = Count.of(count);
            Count of = Count.of(n);
            return new Share(shown, of, shown.suppressed() || !of.enough() ? null : round(100.0 * count / n));
        }
    }

    /**
     * The figures the leader forum steers by: how interdisciplinary the work is, how long from referral to
     * the youth team, the network meeting and the first internship, how many cases have a gap, whether the
     * network meetings' agreements are kept, and how cases end per 100 closed.
     */
    @Schema(name = "StatsKeyFigures")
    public record KeyFigures(Share interdisciplinary, Days daysToYouthTeam, Days daysToNetworkMeeting, Days daysToFirstInternship,
                             Share openGapAlarm, Share agreementsKept, Count closedCases,
                             @Schema(description = "Udfald pr. 100 afsluttede sager; null, når udfaldet eller de afsluttede er for få til at vises")
                             Map<Outcome, Double> outcomesPer100) {}

    /** The whole answer of {@code GET /api/stats}. */
    @Schema(name = "Statistics")
    public record Report(LocalDate from, LocalDate to, @Schema(nullable = true) Department department, Count activeCases,
                         Map<Stage, Count> casesByStage, Map<Stage, Days> waitingDaysByStage, Map<EffortType, Days> waitingDaysByEffort,
                         Map<String, Count> openAlarmsByCode, List<Week> alarmsByWeek, Map<String, Count> departmentsPerCase,
                         Map<Department, Count> involvementByDepartment, Map<Outcome, Count> outcomes,
                         Map<Dimension, Scores> progression, KeyFigures keyFigures) {}

    /** The stages a case can be in while it is active, in route order. */
    public static final List<Stage> ACTIVE_STAGES = List.of(Stage.REFERRAL, Stage.CONSENT, Stage.SPARRING, Stage.NETWORK_MEETING,
            Stage.INTERNSHIP, Stage.FOLLOW_UP);
    /** The stages in which a case waits for the next step (in the internship and the follow-up it is under way). */
    public static final List<Stage> WAITING_STAGES = List.of(Stage.REFERRAL, Stage.CONSENT, Stage.SPARRING, Stage.NETWORK_MEETING);
    /** The buckets of departments per case. */
    public static final List<String> DEPARTMENT_BUCKETS = List.of("1", "2", "3", "4+");
    /** The alarm whose threshold a stay in a stage is held against, where one measures the same wait. */
    public static final Map<Stage, String> STAGE_THRESHOLDS = Map.of(Stage.SPARRING, "WAIT_SPARRING", Stage.NETWORK_MEETING, "WAIT_NETWORK_MEETING");
    /** The gap alarm the forum watches. */
    public static final String GAP_ALARM = "GAP_NO_ACTIVE_EFFORT";

    /** The alarm an effort's wait is held against. */
    public static String effortThreshold(EffortType type) {
        return type == EffortType.ADDICTION_TREATMENT ? "WAIT_SERVICE_ADDICTION_TREATMENT" : "WAIT_SERVICE";
    }

    /** The groups that see the figures: the leader forum, the jobcentre (the hub that coordinates) and the administrators. */
    public static final List<String> READERS = List.of("leaders", Department.JOBCENTER.name(), "camunda-admin");

    /** True for a member of one of {@link #READERS}. */
    public static boolean mayRead(CurrentUser user) {
        return READERS.stream().anyMatch(user::isMemberOf);
    }

    /** PostgreSQL's memory for one sort or grouping, while the figures are computed (docs/measurements.md). */
    static final String WORK_MEM = "64MB";

    private static final Logger log = LoggerFactory.getLogger(Statistics.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DataSource dataSource;
    private Boolean postgres;

    Statistics(JdbcClient jdbc, Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    private boolean postgres() {
        if (postgres == null) {
            try (Connection connection = dataSource.getConnection()) {
                postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            } catch (SQLException e) {
                throw new IllegalStateException("Databasen svarer ikke: " + e.getMessage(), e);
            }
        }
        return postgres;
    }

    /** Every figure for the period, in one read-only transaction (the figures agree with each other). */
    @Transactional(readOnly = true)
    public Report report(Period period) {
        return compute(new Query(period, true));
    }

    /**
     * Only the figures a period is compared on, for the period before the one shown: the days in each stage and
     * waiting for efforts, departments per case, outcomes, and the key figures but the gap share. What stands now
     * (active cases, stages, open alarms, the gap share) is the same for every period, and the weeks, involvement and
     * progression are not compared; those are empty (0, no weeks) here.
     */
    @Transactional(readOnly = true)
    public Report comparison(Period period) {
        return compute(new Query(period, false));
    }

    private Report compute(Query q) {
        Period period = q.period;
        if (postgres()) {
            // Room for the groupings in memory (the default 4 MB spills them to disk at 100,000 cases), for this transaction only.
            jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
        }
        Map<Stage, Count> byStage = new EnumMap<>(Stage.class);
        ACTIVE_STAGES.forEach(s -> byStage.put(s, Count.of(0)));
        long active = 0;
        for (Object[] row : q.full ? q.rows("select c.stage, count(*) from case_file c where c.status = 'ACTIVE'" + q.only("c.id") + " group by c.stage")
                : List.<Object[]>of()) {
            long n = number(row[1]);
            active += n;
            byStage.computeIfPresent(Stage.valueOf((String) row[0]), (s, old) -> Count.of(n));
        }

        // Days as a histogram (days → how many), the percentiles from it here: a grouping, not a sort of every stay.
        Map<Stage, Days> stageDays = histograms(ACTIVE_STAGES, Stage::valueOf, q.rows("""
                select s.stage, cast(s.left_on - s.entered_on as integer) as days, count(*)
                from stage_stay s
                where s.left_on between :from and :to""" + q.only("s.case_id") + """
                group by s.stage, cast(s.left_on - s.entered_on as integer)"""));

        Map<EffortType, Days> effortDays = histograms(List.of(EffortType.values()), EffortType::valueOf, q.rows("""
                select e.effort_type, cast(e.started_on - e.requested_on as integer) as days, count(*)
                from effort e
                where e.started_on between :from and :to""" + q.only("e.case_id") + """
                group by e.effort_type, cast(e.started_on - e.requested_on as integer)"""));

        Map<String, Count> openAlarms = new TreeMap<>();
        for (Object[] row : !q.full ? List.<Object[]>of() : q.rows("select a.code, count(*) from case_alarm a join case_file c on c.id = a.case_id "
                + "where a.cleared_on is null and c.status = 'ACTIVE'" + q.only("c.id") + " group by a.code")) {
            openAlarms.put((String) row[0], Count.of(number(row[1])));
        }

        List<Week> weeks = q.full ? weeks(period, q) : List.of();

        long[] buckets = new long[DEPARTMENT_BUCKETS.size()];
        for (Object[] row : q.rows("select involved, count(*) from (select count(*) as involved from case_department d join case_file c on c.id = d.case_id "
                + "where d.status = 'INVOLVED' and " + q.ofPeriod("c") + q.only("c.id") + " group by d.case_id) per_case group by involved")) {
            buckets[(int) Math.min(number(row[0]), DEPARTMENT_BUCKETS.size()) - 1] += number(row[1]);
        }
        Map<String, Count> perCase = new LinkedHashMap<>();
        for (int i = 0; i < buckets.length; i++) {
            perCase.put(DEPARTMENT_BUCKETS.get(i), Count.of(buckets[i]));
        }
        long casesWithDepartments = java.util.Arrays.stream(buckets).sum();

        Map<Department, Count> involvement = zeros(Department.class);
        for (Object[] row : !q.full ? List.<Object[]>of() : q.rows("select d.department, count(*) from case_department d join case_file c on c.id = d.case_id "
                + "where d.status = 'INVOLVED' and " + q.ofPeriod("c") + q.only("c.id") + " group by d.department")) {
            involvement.put(Department.valueOf((String) row[0]), Count.of(number(row[1])));
        }

        Map<Outcome, Long> closed = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            closed.put(o, 0L);
        }
        for (Object[] row : q.rows("select c.outcome, count(*) from case_file c where c.status = 'CLOSED' and c.outcome is not null "
                + "and c.closed_on between :from and :to" + q.only("c.id") + " group by c.outcome")) {
            closed.put(Outcome.valueOf((String) row[0]), number(row[1]));
        }
        Map<Outcome, Count> outcomes = new EnumMap<>(Outcome.class);
        closed.forEach((o, n) -> outcomes.put(o, Count.of(n)));
        long closedCases = closed.values().stream().mapToLong(Long::longValue).sum();
        Map<Outcome, Double> per100 = new EnumMap<>(Outcome.class);
        closed.forEach((o, n) -> per100.put(o, Share.of(n, closedCases).percent()));

        Map<Dimension, Scores> progression = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            progression.put(d, new Scores(null, null, Count.of(0)));
        }
        // A case's first and latest score on a dimension without a window: the day and the score folded into one number
        // (days since 2000 × 100 + score), whose smallest and largest are the first and the latest score.
        for (Object[] row : !q.full ? List.<Object[]>of() : q.rows("""
                select dimension, count(*), avg(cast(mod(first_key, 100) as double precision)), avg(cast(mod(latest_key, 100) as double precision))
                from (select p.dimension, count(*) as scores, max(p.recorded_on) as last_on,
                             min(cast(p.recorded_on - date '2000-01-01' as bigint) * 100 + p.score) as first_key,
                             max(cast(p.recorded_on - date '2000-01-01' as bigint) * 100 + p.score) as latest_key
                      from progression p
                      where p.recorded_on <= :to""" + q.only("p.case_id") + """
                      group by p.case_id, p.dimension) per_case
                where scores >= 2 and last_on >= :from
                group by dimension""")) {
            Count n = Count.of(number(row[1]));
            progression.put(Dimension.valueOf((String) row[0]), n.enough()
                    ? new Scores(round(((Number) row[2]).doubleValue()), round(((Number) row[3]).doubleValue()), n) : new Scores(null, null, n));
        }

        long withGap = !q.full ? 0 : number(q.rows("select count(distinct a.case_id) from case_alarm a join case_file c on c.id = a.case_id "
                + "where a.code = '" + GAP_ALARM + "' and a.cleared_on is null and c.status = 'ACTIVE'" + q.only("c.id")).get(0)[0]);
        Object[] kept = q.rows("""
                select count(*), coalesce(sum(case when kept = total then 1 else 0 end), 0)
                from (select m.id, count(*) as total, max(a.due) as last_due,
                             sum(case when a.done_on is not null and a.done_on <= a.due then 1 else 0 end) as kept
                      from meeting m join agreement a on a.meeting_id = m.id
                      where m.kind = 'NETWORK_MEETING' and m.held_on between :from and :to""" + q.only("m.case_id") + """
                      group by m.id) per_meeting
                where last_due < :today""").get(0);
        KeyFigures key = new KeyFigures(
                Share.of(buckets[1] + buckets[2] + buckets[3], casesWithDepartments),
                firstTime(q, "meeting m", "m.held_on", "m.kind = '" + MeetingKind.YOUTH_TEAM_SPARRING.name() + "'"),
                firstTime(q, "meeting m", "m.held_on", "m.kind = '" + MeetingKind.NETWORK_MEETING.name() + "'"),
                firstTime(q, "effort e", "e.started_on", "e.effort_type = '" + EffortType.INTERNSHIP.name() + "' and e.started_on is not null"),
                Share.of(withGap, active),
                Share.of(number(kept[1]), number(kept[0])),
                Count.of(closedCases), per100);

        return new Report(period.from(), period.to(), period.department(), Count.of(active), byStage, stageDays, effortDays, openAlarms,
                weeks, perCase, involvement, outcomes, progression, key);
    }

    /**
     * Days from referral to the first time of something ({@code times}: the table and its alias, its day column and
     * its condition), for the cases whose first time fell in the period. The earliest day less the referral is the
     * least of the days less the referral: one join and one grouping, no lookup per case.
     */
    private static Days firstTime(Query q, String from, String day, String condition) {
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        String alias = from.substring(from.lastIndexOf(' ') + 1);
        for (Object[] row : q.rows("select days, count(*) from (select min(cast(" + day + " - c.referral_date as integer)) as days, min(" + day
                + ") as first_on from " + from + " join case_file c on c.id = " + alias + ".case_id where " + condition + q.only(alias + ".case_id")
                + " group by " + alias + ".case_id) f where f.first_on between :from and :to group by days")) {
            histogram.merge(((Number) row[0]).intValue(), number(row[1]), Long::sum);
        }
        return days(histogram);
    }

    /** Every ISO week of the period, with the alarms raised and cleared per day in SQL, folded into weeks here. */
    private static List<Week> weeks(Period period, Query q) {
        Map<String, Map<String, Long>> raised = new LinkedHashMap<>();
        Map<String, Map<String, Long>> cleared = new LinkedHashMap<>();
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            raised.computeIfAbsent(isoWeek(day), w -> new TreeMap<>());
            cleared.computeIfAbsent(isoWeek(day), w -> new TreeMap<>());
        }
        for (String[] column : new String[][] {{"raised_on", "r"}, {"cleared_on", "c"}}) {
            Map<String, Map<String, Long>> into = column[1].equals("r") ? raised : cleared;
            for (Object[] row : q.rows("select a." + column[0] + ", a.code, count(*) from case_alarm a "
                    + "where a." + column[0] + " between :from and :to" + q.only("a.case_id") + " group by a." + column[0] + ", a.code")) {
                LocalDate day = ((Date) row[0]).toLocalDate();
                into.get(isoWeek(day)).merge((String) row[1], number(row[2]), Long::sum);
            }
        }
        List<Week> weeks = new ArrayList<>();
        raised.forEach((week, codes) -> weeks.add(new Week(week, counts(codes), counts(cleared.get(week)))));
        return weeks;
    }

    /** The ISO 8601 week of a day, as 2026-W47. */
    public static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static Map<String, Count> counts(Map<String, Long> numbers) {
        Map<String, Count> counts = new TreeMap<>();
        numbers.forEach((code, n) -> counts.put(code, Count.of(n)));
        return counts;
    }

    /** Rows of (key, days, how many) as each key's Days. */
    private static <K extends Enum<K>> Map<K, Days> histograms(List<K> keys, Function<String, K> key, List<Object[]> rows) {
        Map<K, TreeMap<Integer, Long>> histograms = new LinkedHashMap<>();
        keys.forEach(k -> histograms.put(k, new TreeMap<>()));
        for (Object[] row : rows) {
            histograms.get(key.apply((String) row[0])).merge(((Number) row[1]).intValue(), number(row[2]), Long::sum);
        }
        Map<K, Days> days = new LinkedHashMap<>();
        histograms.forEach((k, histogram) -> days.put(k, days(histogram)));
        return days;
    }

    /** The median and 90th percentile of a histogram (days → how many), as SQL's percentile_cont: linear between the two nearest. */
    static Days days(SortedMap<Integer, Long> histogram) {
        Count n = Count.of(histogram.values().stream().mapToLong(Long::longValue).sum());
        if (!n.enough()) {
            return new Days(null, null, n);
        }
        return new Days(round(percentile(histogram, n.value(), 0.5)), round(percentile(histogram, n.value(), 0.9)), n);
    }

    private static double percentile(SortedMap<Integer, Long> histogram, long n, double p) {
        double position = p * (n - 1);
        long below = (long) Math.floor(position);
        double fraction = position - below;
        int low = valueAt(histogram, below);
        return fraction == 0 ? low : low + fraction * (valueAt(histogram, below + 1) - low);
    }

    /** The value at a rank (0 is the smallest) of the sorted values the histogram counts. */
    private static int valueAt(SortedMap<Integer, Long> histogram, long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Long> bar : histogram.entrySet()) {
            seen += bar.getValue();
            if (rank < seen) {
                return bar.getKey();
            }
        }
        throw new IllegalArgumentException("Rang " + rank + " ud over " + seen);
    }

    private static <K extends Enum<K>> Map<K, Count> zeros(Class<K> type) {
        Map<K, Count> counts = new EnumMap<>(type);
        for (K k : type.getEnumConstants()) {
            counts.put(k, Count.of(0));
        }
        return counts;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** The period's parameters and the department condition, for every query alike. */
    private final class Query {

        private final Period period;
        /** False for a comparison: only the figures compared across periods. */
        private final boolean full;

        Query(Period period, boolean full) {
            this.period = period;
            this.full = full;
        }

        /** The cases of the period: referred by its last day and not closed before its first. */
        String ofPeriod(String alias) {
            return alias + ".referral_date <= :to and (" + alias + ".closed_on is null or " + alias + ".closed_on >= :from)";
        }

        /** With a department: only the cases it takes part in ({@code caseId}: the column that holds the case's id). */
        String only(String caseId) {
            // Spaces on both sides: it may stand between a text block's last parameter and its next line.
            // Uncorrelated, so both databases read the department's cases once (a semi-join), not once per row.
            return period.department() == null ? " " : " and " + caseId + " in (select only_d.case_id from case_department only_d "
                    + "where only_d.department = :department and only_d.status = 'INVOLVED') ";
        }

        List<Object[]> rows(String sql) {
            var statement = jdbc.sql(sql);
            if (sql.contains(":from")) {
                statement = statement.param("from", Date.valueOf(period.from()));
            }
            if (sql.contains(":to")) {
                statement = statement.param("to", Date.valueOf(period.to()));
            }
            if (sql.contains(":today")) {
                statement = statement.param("today", Date.valueOf(LocalDate.now(clock)));
            }
            if (sql.contains(":department")) {
                statement = statement.param("department", period.department().name());
            }
            long start = System.nanoTime();
            List<Object[]> result = statement.query((rs, n) -> {
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            }).list();
            if (log.isDebugEnabled()) {
                log.debug("{} ms: {}", (System.nanoTime() - start) / 1_000_000, sql.replaceAll("\\s+", " "));
            }
            return result;
        }
    }
}
