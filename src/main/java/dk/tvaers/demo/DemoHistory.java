package dk.tvaers.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of synthetic cases for the leaders' figures, written in bulk straight into the case file's tables
 * as a migration from an older system would (no route, no engine: the figures read the case file only),
 * reproducible from a seed: referrals spread over the year, each case walking the stages with waits drawn
 * around a median per stage (longer the longer ago, so the recent quarter reads better than the one before),
 * ending in a job, education or elsewhere, or still under way; departments, efforts with their waits, the
 * youth team's sparring and the network meeting with agreements kept or not, progression scores at
 * follow-up, and the alarms the waits would have raised. The demo writes only closed, anonymised cases
 * (its history: no name, no CPR number); the benchmarks write active ones too. Every case's digest is
 * {@link #MARK} and its reference starts with the given prefix, so {@link #remove} takes exactly them away.
 */
public final class DemoHistory {

    /** The referral digest of every case written here: what tells the history from the cases the demo walks. */
    public static final String MARK = "demo-history";

    private static final String[] STAGES = {"REFERRAL", "CONSENT", "SPARRING", "NETWORK_MEETING", "INTERNSHIP", "FOLLOW_UP"};
    /** Median days in each stage. */
    private static final double[] STAGE_DAYS = {2, 6, 10, 18, 60, 40};
    private static final String[] DEPARTMENTS = {"UU", "FAMILY", "SOCIAL", "PSYCHIATRY", "ADDICTION", "HEALTH", "EDUCATION", "PROBATION"};
    private static final String[][] EFFORTS = {{"PSYCHOLOGIST", "HEALTH", "60"}, {"PSYCHIATRIC_TREATMENT", "HEALTH", "45"},
            {"ADDICTION_TREATMENT", "ADDICTION", "10"}, {"HOUSING_SUPPORT", "SOCIAL", "25"}, {"SUPPORT_CONTACT_PERSON", "SOCIAL", "14"},
            {"MENTOR", "JOBCENTER", "7"}, {"EDUCATION_GUIDANCE", "UU", "9"}, {"DEBT_COUNSELLING", "SOCIAL", "21"}, {"FAMILY_SUPPORT", "FAMILY", "30"}};
    private static final String[] DIMENSIONS = {"DAILY_STRUCTURE", "HEALTH", "SOCIAL_NETWORK", "MOTIVATION", "WORK_READINESS"};
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final Random random;
    private final LocalDate today;
    private final Instant now = Instant.now();
    private final Rows cases = new Rows("insert into case_file (id, external_ref, referral_digest, citizen_name, cpr, birth_date, referred_by, "
            + "referral_date, status, stage, stage_since, outcome, closed_on, created_at, anonymised_on, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
    private final Rows events = new Rows("insert into case_event (case_id, occurred_on, recorded_at, event_type, subject) values (?, ?, ?, ?, ?)");
    private final Rows departments = new Rows("insert into case_department (case_id, department, status) values (?, ?, ?)");
    private final Rows efforts = new Rows("insert into effort (case_id, effort_type, department, requested_on, started_on, ended_on) values (?, ?, ?, ?, ?, ?)");
    private final Rows meetings = new Rows("insert into meeting (id, case_id, kind, held_on) values (?, ?, ?, ?)");
    private final Rows agreements = new Rows("insert into agreement (case_id, meeting_id, text, owner, due, done_on) values (?, ?, ?, ?, ?, ?)");
    private final Rows scores = new Rows("insert into progression (case_id, recorded_on, dimension, score) values (?, ?, ?, ?)");
    private final Rows stays = new Rows("insert into stage_stay (case_id, stage, entered_on, left_on) values (?, ?, ?, ?)");
    private final Rows alarms = new Rows("insert into case_alarm (case_id, code, subject, severity, since, rule_name, text, raised_on, cleared_on) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    private final Which which;
    private long meetingId;

    /** Which of the drawn cases are kept: all, only those closed by today (anonymised), or only those still active. */
    public enum Which { ALL, CLOSED, ACTIVE }

    private DemoHistory(JdbcTemplate jdbc, long seed, LocalDate today, Which which) {
        this.jdbc = jdbc;
        this.random = new Random(seed);
        this.today = today;
        this.which = which;
        Long highest = jdbc.queryForObject("select max(id) from meeting", Long.class);
        // Meeting ids of our own far above the table's identity, so agreements can point at them without a round trip.
        this.meetingId = Math.max(highest == null ? 0 : highest, 0) + 1_000_000_000L;
    }

    /** Writes {@code count} cases, active and closed; returns the number of rows written. */
    public static long write(JdbcTemplate jdbc, String prefix, int count, long seed, LocalDate today) {
        return write(jdbc, prefix, count, seed, today, Which.ALL);
    }

    /**
     * Writes {@code count} cases referred in the last year of the kind asked for (the others drawn are dropped; closed
     * ones anonymised); returns the number of rows written.
     */
    public static long write(JdbcTemplate jdbc, String prefix, int count, long seed, LocalDate today, Which which) {
        DemoHistory data = new DemoHistory(jdbc, seed, today, which);
        int written = 0;
        for (int i = 0; written < count && i < count * 20; i++) {
            List<Integer> marks = data.all().stream().map(r -> r.pending.size()).toList();
            if (data.oneCase(prefix + i)) {
                written++;
            } else {
                List<Rows> all = data.all();
                for (int t = 0; t < all.size(); t++) {
                    List<Object[]> pending = all.get(t).pending;
                    pending.subList(marks.get(t), pending.size()).clear();
                }
            }
            data.flushFull();
        }
        return data.flushAll();
    }

    private List<Rows> all() {
        return List.of(cases, events, departments, efforts, meetings, agreements, scores, stays, alarms);
    }

    /** Removes every case written here whose external reference starts with {@code prefix}, with all it has. */
    public static void remove(JdbcTemplate jdbc, String prefix) {
        String ours = "(select id from case_file where referral_digest = '" + MARK + "' and external_ref like '" + prefix.replace("'", "") + "%')";
        jdbc.update("delete from agreement where case_id in " + ours);
        for (String table : List.of("meeting", "progression", "effort", "case_event", "case_alarm", "case_department", "case_flag", "stage_stay")) {
            jdbc.update("delete from " + table + " where case_id in " + ours);
        }
        jdbc.update("delete from case_file where id in " + ours);
    }

    /** One case's rows; false when the case is not of the kind wanted (its rows are then dropped). */
    private boolean oneCase(String ref) {
        String id = UUID.nameUUIDFromBytes(ref.getBytes()).toString();
        LocalDate referred = today.minusDays(random.nextInt(365));
        // Waits were longer a year ago: the recent quarter reads better than the one before it.
        double slower = 1 + 0.5 * (today.toEpochDay() - referred.toEpochDay()) / 365.0;
        LocalDate day = referred;
        events.add(id, date(day), Timestamp.from(now), "REFERRED", "JOBCENTER");
        events.add(id, date(day), Timestamp.from(now), "FLAGS", null);
        events.add(id, date(day), Timestamp.from(now), "COORDINATOR", null);
        departments.add(id, "JOBCENTER", "INVOLVED");
        int others = random.nextDouble() < 0.25 ? 0 : 1 + (int) Math.min(4, Math.abs(random.nextGaussian() * 1.3));
        List<String> involved = new ArrayList<>();
        for (int d = 0; d < others; d++) {
            String department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
            if (!involved.contains(department)) {
                involved.add(department);
                departments.add(id, department, "INVOLVED");
                events.add(id, date(referred), Timestamp.from(now), "SUGGESTED", department);
                events.add(id, date(referred.plusDays(random.nextInt(10))), Timestamp.from(now), "DEPARTMENT_INVOLVED", department);
            }
        }
        String stage = "REFERRAL";
        String outcome = null;
        LocalDate closed = null;
        int s = 0;
        while (true) {
            stage = STAGES[s];
            LocalDate leaves = day.plusDays(days(STAGE_DAYS[s] * (s < 4 ? slower : 1)));
            if (leaves.isAfter(today)) {
                alarmsWhileWaiting(id, stage, referred, day, null);
                stays.add(id, stage, date(day), null);
                break;
            }
            stays.add(id, stage, date(day), date(leaves));
            alarmsWhileWaiting(id, stage, referred, day, leaves);
            if (stage.equals("SPARRING")) {
                meetings.add(++meetingId, id, "YOUTH_TEAM_SPARRING", date(leaves));
                events.add(id, date(leaves), Timestamp.from(now), "MEETING", "YOUTH_TEAM_SPARRING");
            }
            if (stage.equals("NETWORK_MEETING")) {
                meetings.add(++meetingId, id, "NETWORK_MEETING", date(leaves));
                events.add(id, date(leaves), Timestamp.from(now), "MEETING", "NETWORK_MEETING");
                for (int a = 1; a <= 2; a++) {
                    LocalDate due = leaves.plusDays(14L * a);
                    double kept = random.nextDouble();
                    LocalDate done = kept < 0.7 ? due.minusDays(random.nextInt(10)) : kept < 0.9 ? due.plusDays(1 + random.nextInt(14)) : null;
                    agreements.add(id, meetingId, "Aftale", "Koordinator", date(due), done == null || done.isAfter(today) ? null : date(done));
                }
            }
            if (stage.equals("INTERNSHIP")) {
                if (!involved.contains("EMPLOYER")) {
                    involved.add("EMPLOYER");
                    departments.add(id, "EMPLOYER", "INVOLVED");
                }
                efforts.add(id, "INTERNSHIP", "EMPLOYER", date(day.minusDays(days(7))), date(day), date(leaves));
            }
            if (stage.equals("FOLLOW_UP")) {
                progression(id, day, leaves);
            }
            if (stage.equals("CONSENT") && random.nextDouble() < 0.08) {
                outcome = "NO_CONSENT";
            } else if (stage.equals("SPARRING") && others == 0 && random.nextDouble() < 0.4) {
                outcome = "SINGLE_DISCIPLINE";
            } else if (stage.equals("FOLLOW_UP")) {
                double end = random.nextDouble();
                outcome = end < 0.45 ? "JOB" : end < 0.8 ? "EDUCATION" : "OTHER";
            }
            day = leaves;
            if (outcome != null) {
                closed = day;
                events.add(id, date(day), Timestamp.from(now), "STAGE", "CLOSED");
                events.add(id, date(day), Timestamp.from(now), "CLOSED", outcome);
                break;
            }
            s++;
            events.add(id, date(day), Timestamp.from(now), "STAGE", STAGES[s]);
        }
        int effortCount = random.nextInt(3);
        LocalDate until = closed == null ? today : closed;
        for (int e = 0; e < effortCount; e++) {
            String[] type = EFFORTS[random.nextInt(EFFORTS.length)];
            LocalDate requested = referred.plusDays(random.nextInt((int) Math.max(1, until.toEpochDay() - referred.toEpochDay() + 1)));
            LocalDate started = requested.plusDays(days(Double.parseDouble(type[2])));
            boolean waiting = started.isAfter(until);
            efforts.add(id, type[0], type[1], date(requested), waiting ? null : date(started), null);
            events.add(id, date(requested), Timestamp.from(now), "EFFORT_REQUESTED", type[0]);
            if (!waiting) {
                events.add(id, date(started), Timestamp.from(now), "EFFORT_STARTED", type[0]);
            }
            if (closed == null && waiting && requested.plusDays(30).isBefore(today)) {
                alarms.add(id, type[0].equals("ADDICTION_TREATMENT") ? "WAIT_SERVICE_ADDICTION_TREATMENT" : "WAIT_SERVICE", type[0], "CRITICAL",
                        date(requested), "Venter på indsats", "Venter", date(requested.plusDays(31)), null);
            }
        }
        if (closed == null && random.nextDouble() < 0.1) {
            LocalDate since = day.plusDays(random.nextInt((int) Math.max(1, today.toEpochDay() - day.toEpochDay() + 1)));
            alarms.add(id, "GAP_NO_ACTIVE_EFFORT", "route", "WARNING", date(since), "Hul i forløbet", "Hul", date(since), null);
        }
        LocalDate birth = referred.minusYears(18 + random.nextInt(12)).minusDays(random.nextInt(365));
        if ((which == Which.CLOSED && closed == null) || (which == Which.ACTIVE && closed != null)) {
            return false;
        }
        if (which == Which.CLOSED) {
            // History, anonymised as CaseFile.anonymise leaves a case: no name, no CPR number, the birth year only.
            cases.add(id, "ANON-" + id, MARK, "Anonymiseret", "0000000000", date(LocalDate.of(birth.getYear(), 1, 1)), "JOBCENTER",
                    date(referred), "CLOSED", "CLOSED", date(day), outcome, date(closed), Timestamp.from(now.minusSeconds(86_400L * 400)), date(today));
        } else {
            cases.add(id, ref, MARK, "Syntetisk borger", String.format("%02d%02d%02d%04d", birth.getDayOfMonth(), birth.getMonthValue(),
                            birth.getYear() % 100, random.nextInt(10_000)), date(birth), "JOBCENTER", date(referred), closed == null ? "ACTIVE" : "CLOSED",
                    closed == null ? stage : "CLOSED", date(day), outcome, closed == null ? null : date(closed), Timestamp.from(now), null);
        }
        return true;
    }

    /** The waiting alarms a stay would have raised: past its threshold it is raised, and cleared the day the case moved on. */
    private void alarmsWhileWaiting(String id, String stage, LocalDate referred, LocalDate entered, LocalDate left) {
        int threshold = stage.equals("SPARRING") ? 14 : stage.equals("NETWORK_MEETING") ? 21 : -1;
        if (threshold < 0) {
            return;
        }
        LocalDate from = stage.equals("SPARRING") ? referred : entered;
        LocalDate raised = from.plusDays(threshold + 1);
        LocalDate end = left == null ? today : left;
        if (raised.isAfter(end) || raised.isAfter(today)) {
            return;
        }
        String code = stage.equals("SPARRING") ? "WAIT_SPARRING" : "WAIT_NETWORK_MEETING";
        alarms.add(id, code, "route", "WARNING", date(from), code, "Venter", date(raised), left == null ? null : date(left));
    }

    private void progression(String id, LocalDate first, LocalDate latest) {
        events.add(id, date(first), Timestamp.from(now), "PROGRESSION", null);
        if (!latest.isAfter(today)) {
            events.add(id, date(latest), Timestamp.from(now), "PROGRESSION", null);
        }
        for (String dimension : DIMENSIONS) {
            int start = 2 + random.nextInt(4);
            scores.add(id, date(first), dimension, start);
            if (!latest.isAfter(today)) {
                scores.add(id, date(latest), dimension, Math.min(10, start + random.nextInt(5)));
            }
        }
    }

    /** A number of days drawn around a median (log-normal, so a few wait very long). */
    private long days(double median) {
        return Math.max(0, Math.round(median * Math.exp(random.nextGaussian() * 0.6)));
    }

    private static Date date(LocalDate day) {
        return Date.valueOf(day);
    }

    /** After a whole case: every table with a full batch is written, the case file's rows first (the others point at them). */
    private void flushFull() {
        List<Rows> all = all();
        if (all.stream().anyMatch(r -> r.pending.size() >= BATCH)) {
            all.forEach(Rows::flush);
        }
    }

    private long flushAll() {
        long rows = 0;
        for (Rows r : all()) {
            rows += r.total + r.pending.size();
            r.flush();
        }
        return rows;
    }

    /** One table's rows, written in batches. */
    private final class Rows {
        final String sql;
        final List<Object[]> pending = new ArrayList<>();
        long total;

        Rows(String sql) {
            this.sql = sql;
        }

        void add(Object... row) {
            pending.add(row);
        }

        void flush() {
            if (!pending.isEmpty()) {
                jdbc.batchUpdate(sql, pending);
                total += pending.size();
                pending.clear();
            }
        }
    }
}
