package dk.tvaers.benchmark;

import dk.tvaers.casefile.Flag;
import dk.tvaers.demo.DemoHistory;
import dk.tvaers.route.RouteProcess;
import dk.tvaers.route.TaskDeadlines;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A country's worth of active cases, written in bulk and reproducible from a seed: the case file's rows as
 * {@link DemoHistory} draws them (stages with their waits, departments, efforts, meetings, agreements,
 * progression, the alarms the waits raised, a year of closed history beside them), plus flags and consents,
 * and for every active case its route placed at the step of its stage with the engine's own API
 * ({@code startBeforeActivity}, many instances to a transaction), each task counting its deadline from the day
 * the case entered the stage. The engine then holds what it would hold had the cases walked the route, without
 * walking it: execution listeners are skipped (they would write the stage changes the case file already has).
 */
final class NationalCases {

    /** Where a case of each stage waits on its route. */
    private static final Map<String, String> STEP = Map.of(
            "CONSENT", RouteProcess.Tasks.REGISTER_CONSENT,
            "SPARRING", RouteProcess.Tasks.YOUTH_TEAM_SPARRING,
            "NETWORK_MEETING", "CallActivity_NetworkMeeting",
            "INTERNSHIP", "CallActivity_Internship");
    private static final int PER_TRANSACTION = 250;

    record Generated(int active, int closed, double caseFileSeconds, double routeSeconds, double deadlineSeconds) {
        double casesPerSecond() {
            return (active + closed) / (caseFileSeconds + routeSeconds + deadlineSeconds);
        }
    }

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ProcessEngineConfigurationImpl engine;
    private final TaskDeadlines deadlines;

    NationalCases(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, ProcessEngineConfigurationImpl engine, TaskDeadlines deadlines) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.engine = engine;
        this.deadlines = deadlines;
    }

    Generated write(int active, long seed, LocalDate today) throws Exception {
        long started = System.nanoTime();
        DemoHistory.write(jdbc, "NAT-", active, seed, today, DemoHistory.Which.ACTIVE);
        int closed = active / 4;
        DemoHistory.write(jdbc, "NATH-", closed, seed + 1, today, DemoHistory.Which.CLOSED);
        // A case waiting for its referral to be read is, on the route, at the consent task like those in CONSENT.
        jdbc.update("update case_file set stage = 'CONSENT' where stage = 'REFERRAL' and external_ref like 'NAT-%'");
        jdbc.update("update stage_stay set stage = 'CONSENT' where stage = 'REFERRAL' and left_on is null"
                + " and case_id in (select id from case_file where external_ref like 'NAT-%')");
        List<Object[]> cases = jdbc.query("select id, stage, stage_since, referral_date from case_file where external_ref like 'NAT-%' order by id",
                (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate()});
        flagsAndConsents(cases, new Random(seed + 2));
        double caseFile = (System.nanoTime() - started) / 1e9;

        started = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int from = 0; from < cases.size(); from += PER_TRANSACTION) {
            List<Object[]> batch = cases.subList(from, Math.min(cases.size(), from + PER_TRANSACTION));
            long batchSeed = seed + from;
            done.add(workers.submit(() -> routes(batch, new Random(batchSeed))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        workers.shutdown();
        double routes = (System.nanoTime() - started) / 1e9;

        started = System.nanoTime();
        Map<String, Object[]> byCase = cases.stream().collect(Collectors.toMap(c -> (String) c[0], c -> c));
        deadlinesAndAssignees(byCase, new Random(seed + 3));
        deadlines.recount();
        return new Generated(cases.size(), closed, caseFile, routes, (System.nanoTime() - started) / 1e9);
    }

    private void flagsAndConsents(List<Object[]> cases, Random random) {
        Flag[] flags = Flag.values();
        List<Object[]> flagRows = new ArrayList<>();
        List<Object[]> consentRows = new ArrayList<>();
        List<Object[]> consentDepartments = new ArrayList<>();
        Map<String, List<String>> involved = jdbc.query("select case_id, department from case_department where department <> 'JOBCENTER'"
                        + " and case_id in (select id from case_file where external_ref like 'NAT-%')",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).stream()
                .collect(Collectors.groupingBy(r -> r[0], Collectors.mapping(r -> r[1], Collectors.toList())));
        Long highest = jdbc.queryForObject("select coalesce(max(id), 0) from consent", Long.class);
        long consentId = highest + 1_000_000_000L;
        for (Object[] c : cases) {
            String id = (String) c[0];
            int count = 1 + random.nextInt(3);
            java.util.Set<Flag> chosen = new java.util.LinkedHashSet<>();
            while (chosen.size() < count) {
                chosen.add(flags[random.nextInt(flags.length)]);
            }
            chosen.forEach(f -> flagRows.add(new Object[] {id, f.name()}));
            if (!"CONSENT".equals(c[1])) {
                consentId++;
                consentRows.add(new Object[] {consentId, id, random.nextInt(10) == 0 ? "CUSTODY_HOLDER" : "CITIZEN",
                        Date.valueOf(((LocalDate) c[3]).plusDays(1 + random.nextInt(5)))});
                for (String department : involved.getOrDefault(id, List.of())) {
                    consentDepartments.add(new Object[] {consentId, department});
                }
            }
        }
        batch("insert into case_flag (case_id, flag) values (?, ?)", flagRows);
        batch("insert into consent (id, case_id, given_by, given_on) values (?, ?, ?, ?)", consentRows);
        batch("insert into consent_department (consent_id, department) values (?, ?)", consentDepartments);
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 5_000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }
    }

    /**
     * One transaction's routes, each placed at its stage's step. The starts run inside one engine command, so
     * the engine flushes them together (its JDBC batching) instead of once per instance.
     */
    private void routes(List<Object[]> batch, Random random) {
        engine.getCommandExecutorTxRequired().execute(context -> {
            for (Object[] c : batch) {
                String id = (String) c[0];
                String stage = (String) c[1];
                String step = "FOLLOW_UP".equals(stage) ? (random.nextInt(10) < 7 ? "Timer_FollowUpDue" : RouteProcess.Tasks.FOLLOW_UP) : STEP.get(stage);
                runtime.createProcessInstanceByKey(RouteProcess.CASE_ROUTE)
                        .businessKey(id)
                        .setVariable(RouteProcess.Variables.CASE_ID, id)
                        .startBeforeActivity(step)
                        .execute(true, false);
            }
            return null;
        });
    }

    /**
     * Every new task counts its deadline from the day its case entered the stage (the consent task from the referral),
     * as it would have had it been created that day; a tenth of the consent tasks are taken by koordinator.
     */
    private void deadlinesAndAssignees(Map<String, Object[]> byCase, Random random) {
        List<Object[]> open = jdbc.query("""
                        select t.ID_, t.TASK_DEF_KEY_, e.BUSINESS_KEY_ from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
                        where t.DUE_DATE_ is null order by t.ID_""",
                (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        for (int from = 0; from < open.size(); from += PER_TRANSACTION) {
            List<Object[]> page = open.subList(from, Math.min(open.size(), from + PER_TRANSACTION));
            engine.getCommandExecutorTxRequired().execute(context -> {
                for (Object[] t : page) {
                    Object[] c = byCase.get((String) t[2]);
                    if (c == null) {
                        continue;
                    }
                    String key = (String) t[1];
                    LocalDate counted = RouteProcess.Tasks.REGISTER_CONSENT.equals(key) ? (LocalDate) c[3] : (LocalDate) c[2];
                    tasks.setVariableLocal((String) t[0], TaskDeadlines.COUNTED_FROM, TaskDeadlines.codeFor(key) + "|" + counted);
                    if (random.nextInt(10) == 0 && RouteProcess.Tasks.REGISTER_CONSENT.equals(key)) {
                        tasks.setAssignee((String) t[0], "koordinator");
                    }
                }
                return null;
            });
        }
    }
}
