package dk.tvaers.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.tvaers.alarms.AlarmSweep;
import dk.tvaers.route.RouteProcess;
import dk.tvaers.route.TaskDeadlines;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * National scale on one node: N active cases ({@link NationalCases}: every stage, routes placed at their
 * step with the engine's API, a year of closed history beside them), then every figure issue 16 asks for,
 * each with its peer measured in the same run on the same data over real HTTP:
 * <ul>
 *   <li>a coordinator's inbox (first page by urgency and by due date, a deep page) against the engine's own
 *       REST task query for the same tasks ({@code candidateUser=koordinator}, a page of 25 by due date, and
 *       its count, as Tasklist asks);</li>
 *   <li>a department user's inbox, a case view, an effort posted until its alarm shows in the case;</li>
 *   <li>referral intake over HTTP (four clients, sustained) against the engine's REST start of a one-task
 *       process with the same four clients;</li>
 *   <li>the full alarm sweep, a what-if over every case, the leaders' statistics, the process owners' heatmap,
 *       the heap after the load.</li>
 * </ul>
 * Prints every figure (lines starting BENCHMARK national) and writes them to {@code target/bench/results.json};
 * asserts only that each answer is right, never a time. Run alone:
 * {@code ./mvnw -Pbenchmark test -Dtest=NationalScaleBenchmarkTests -Dbenchmark.cases=10000} (H2), or with
 * {@code -Pbenchmark,postgres} against the local PostgreSQL. docs/performance.md holds the figures.
 */
@TvaersTest
@Tag("benchmark")
class NationalScaleBenchmarkTests {

    static final int CASES = Integer.getInteger("benchmark.cases", 10_000);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 50);
    static final int INTAKE_SECONDS = Integer.getInteger("benchmark.intakeSeconds", 20);
    static final int CLIENTS = 4;
    static final long SEED = 16;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired RepositoryService repository;
    @Autowired org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired TaskDeadlines deadlines;
    @Autowired AlarmSweep sweep;
    @Autowired dk.tvaers.support.Sweep engineSweep;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Object> results = new LinkedHashMap<>();

    @Test
    void nationalScaleAgainstTheEnginesOwnDoors() throws Exception {
        LocalDate today = Route.today();
        boolean postgres = Timing.postgres(jdbc);
        results.put("database", postgres ? "PostgreSQL " + jdbc.queryForObject("show server_version", String.class) : "H2 (in memory)");
        if (postgres) {
            results.put("settings", Map.of("jit", jdbc.queryForObject("show jit", String.class),
                    "autovacuum", jdbc.queryForObject("show autovacuum", String.class),
                    "shared_buffers", jdbc.queryForObject("show shared_buffers", String.class),
                    "work_mem", jdbc.queryForObject("show work_mem", String.class)));
        }
        results.put("cases", CASES);
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20,
                "jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version")));

        NationalCases.Generated generated = new NationalCases(jdbc, runtime, tasks, engineConfiguration, deadlines).write(CASES, SEED, today);
        long openTasks = tasks.createTaskQuery().count();
        report("generated", Map.of("active", generated.active(), "closed", generated.closed(), "openTasks", openTasks,
                "caseFileSeconds", Samples.round(generated.caseFileSeconds()), "routeSeconds", Samples.round(generated.routeSeconds()),
                "deadlineSeconds", Samples.round(generated.deadlineSeconds()), "casesPerSecond", Math.round(generated.casesPerSecond())));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RouteProcess.CASE_ROUTE).count()).isEqualTo(generated.active());

        WebSession koordinator = new WebSession(port).loggedInAs("koordinator");
        if (postgres) {
            // Right after a bulk load PostgreSQL plans with the empty tables' statistics: measure that state too,
            // then vacuum and analyse, as autovacuum would soon (it is off on the benchmark machine's PostgreSQL):
            // the vacuum also marks the pages all-visible, which index-only scans (the inbox's counts) need.
            report("inboxFirstPageBeforeAnalyze", Samples.of(3, () -> page(koordinator, "/indbakke")).json());
            report("peerTaskQueryBeforeAnalyze", Samples.of(3, this::peerInbox).json());
            vacuumAnalyze("vacuumAnalyzeSeconds");
        }
        // The first sweep raises every alarm the generated cases have: a full re-evaluation that writes much.
        sweep("sweep");
        if (postgres) {
            // The first sweep wrote every alarm and suggestion the cases have (the departments' reasons from nothing):
            // autovacuum would analyse those tables now; without fresh statistics the next sweeps read them whole.
            vacuumAnalyze("vacuumAnalyzeAfterFirstSweepSeconds");
        }
        // The next sweep finds the alarms stored: what the daily sweep mostly is, every case evaluated, little written.
        sweep("sweepAgain");
        sweepAsJobs(1);
        sweepAsJobs(2);
        if (postgres) {
            // The sweeps rewrote much (every alarm, every task's urgency): autovacuum would clean up after them.
            vacuumAnalyze("vacuumAnalyzeAfterSweepsSeconds");
        }
        long groupTasks = peerCount();
        results.put("koordinatorGroupTasks", groupTasks);
        int deepPage = (int) Math.max(0, groupTasks / 25 / 2);
        report("inboxFirstPageBySeverity", Samples.of(ROUNDS, () -> page(koordinator, "/indbakke")).json());
        report("inboxFirstPageByDue", Samples.of(ROUNDS, () -> page(koordinator, "/indbakke?sort=due")).json());
        report("inboxDeepPageByDue", Samples.of(ROUNDS, () -> page(koordinator, "/indbakke?sort=due&gp=" + deepPage)).json());
        report("peerTaskQueryPageAndCount", Samples.of(ROUNDS, this::peerInbox).json());
        WebSession uu = new WebSession(port).loggedInAs("uu");
        report("departmentInboxFirstPage", Samples.of(ROUNDS, () -> page(uu, "/indbakke")).json());

        List<String> ids = jdbc.queryForList("select id from case_file where external_ref like 'NAT-%' and stage <> 'CONSENT' order by id", String.class);
        Random random = new Random(SEED);
        report("caseView", Samples.of(ROUNDS * 4, () -> {
            HttpResponse<String> view = call("koordinator", "GET", "/api/cases/" + ids.get(random.nextInt(ids.size())), null);
            assertThat(view.statusCode()).isEqualTo(200);
        }).json());
        // An effort requested 40 days ago and not started (the threshold is 30) on cases without such an alarm: posted, then the case read.
        List<String> quiet = jdbc.queryForList("select id from case_file c where external_ref like 'NAT-%' and not exists (select 1 from case_alarm a"
                + " where a.case_id = c.id and a.code = 'WAIT_SERVICE' and a.cleared_on is null) order by id", String.class);
        AtomicInteger next = new AtomicInteger();
        report("effortUntilAlarmVisible", Samples.of(Math.min(ROUNDS * 2, quiet.size() - 1), () -> {
            String id = quiet.get(next.getAndIncrement());
            HttpResponse<String> posted = call("koordinator", "POST", "/api/cases/" + id + "/efforts", """
                    {"type": "MENTOR", "department": "JOBCENTER", "requestedOn": "%s", "startedOn": null, "endedOn": null}"""
                    .formatted(today.minusDays(40)));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            JsonNode view = json.readTree(call("koordinator", "GET", "/api/cases/" + id, null).body());
            List<String> codes = new ArrayList<>();
            view.get("alarms").forEach(alarm -> codes.add(alarm.get("code").asText()));
            assertThat(codes).contains("WAIT_SERVICE");
        }).json());

        report("whatIfAllCases", Samples.of(1, () -> {
            HttpResponse<String> answer = call("leder", "POST", "/api/rules/simulate", "{\"thresholds\": {\"WAIT_SPARRING\": 10}}");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }).json());
        report("statistics12Months", Samples.of(5, () -> {
            HttpResponse<String> answer = call("leder", "GET", "/api/stats?from=" + today.minusYears(1).plusDays(1) + "&to=" + today, null);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }).json());
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(RouteProcess.CASE_ROUTE).latestVersion().singleResult().getId();
        report("heatmap", Samples.of(5, () -> {
            HttpResponse<String> answer = call("procesejer", "GET", "/api/processes/" + definition + "/activities", null);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }).json());

        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        report("heapAfterLoadMb", heap);

        report("intake", intake("koordinator", "/api/cases", n -> """
                {"externalRef": "INTAKE-%d", "citizen": {"cpr": "%s", "name": "Indtag %d"}, "referredBy": "JOBCENTER",
                 "referralDate": "%s", "flags": ["MENTAL_HEALTH", "NO_EDUCATION"]}""".formatted(n, Route.cprForAge(18 + n % 12), n, today), 201));
        repository.createDeployment().name("benchmark-peer")
                .addModelInstance("BenchOneTask.bpmn", Bpmn.createExecutableProcess("BenchOneTask").camundaHistoryTimeToLive(30)
                        .startEvent().userTask("work").name("Arbejde").endEvent().done())
                .deploy();
        report("peerIntakeEngineStart", intake("admin", "/engine-rest/process-definition/key/BenchOneTask/start",
                n -> "{\"businessKey\": \"PEER-" + n + "\"}", 200));

        report("peerBulkStartEngineApi", bulkStarts(Math.min(CASES, 10_000)));

        ratios();
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/results.json"), json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
        System.out.println("BENCHMARK national: written to target/bench/results.json");
    }

    /**
     * The nightly sweep as the engine runs it: its timer plans the batches, then each batch is a job,
     * executed here by {@code threads} threads through the engine's API, as the job executor's threads
     * would (the job executor itself is off: it would also fire the generated cases' timers).
     */
    private void sweepAsJobs(int threads) {
        long start = System.nanoTime();
        int jobs = engineSweep.run(threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AlarmSweepProcess").count()).isZero();
        long cases = jdbc.queryForObject("select count(*) from case_file where status = 'ACTIVE'", Long.class);
        report("sweepAsJobs" + threads + (threads == 1 ? "Thread" : "Threads"), Map.of("cases", cases, "jobs", jobs, "threads", threads,
                "seconds", Samples.round(seconds), "msPerCase", Samples.round(seconds * 1000 / cases)));
    }

    /**
     * The ceiling for the generator's route placement: the engine's own API starting a bare one-task process,
     * as the generator starts the routes (250 instances in one engine command, two threads).
     */
    private Map<String, Object> bulkStarts(int instances) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int from = 0; from < instances; from += 250) {
            int first = from;
            int last = Math.min(instances, from + 250);
            done.add(workers.submit(() -> engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
                for (int n = first; n < last; n++) {
                    runtime.createProcessInstanceByKey("BenchOneTask").businessKey("BULK-" + n).startBeforeActivity("work").execute(true, false);
                }
                return null;
            })));
        }
        for (Future<?> each : done) {
            each.get();
        }
        workers.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        return Map.of("instances", instances, "seconds", Samples.round(seconds), "perSecond", Math.round(instances / seconds));
    }

    private void sweep(String name) {
        long start = System.nanoTime();
        AlarmSweep.Result swept = sweep.sweepAll();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(swept.failed()).isZero();
        report(name, Map.of("cases", swept.evaluated(), "seconds", Samples.round(seconds),
                "msPerCase", Samples.round(seconds * 1000 / swept.evaluated())));
    }

    @SuppressWarnings("unchecked")
    private void ratios() {
        double inbox = (double) ((Map<String, Object>) results.get("inboxFirstPageBySeverity")).get("p50_ms");
        double peer = (double) ((Map<String, Object>) results.get("peerTaskQueryPageAndCount")).get("p50_ms");
        double intake = (double) ((Map<String, Object>) results.get("intake")).get("perSecond");
        double peerIntake = (double) ((Map<String, Object>) results.get("peerIntakeEngineStart")).get("perSecond");
        report("ratios", Map.of("inboxP50OverPeer", Math.round(inbox / peer * 100) / 100.0, "intakeOverPeer", Math.round(intake / peerIntake * 100) / 100.0));
    }

    private void report(String name, Object figures) {
        results.put(name, figures);
        System.out.println("BENCHMARK national " + name + ": " + figures);
    }

    /** What autovacuum would do by now (it is off on the benchmark machine's PostgreSQL), timed. */
    private void vacuumAnalyze(String figure) {
        long start = System.nanoTime();
        jdbc.execute("vacuum analyze");
        results.put(figure, Samples.round((System.nanoTime() - start) / 1e9));
    }

    private static void page(WebSession session, String path) throws Exception {
        HttpResponse<String> page = session.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Indbakke</h1>");
    }

    /** The engine's REST task query for koordinator's claimable tasks: a page of 25 by due date and the count. */
    private void peerInbox() throws Exception {
        HttpResponse<String> list = call("admin", "GET", "/engine-rest/task?candidateUser=koordinator&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=25", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(json.readTree(list.body()).size()).isEqualTo(25);
        assertThat(peerCount()).isPositive();
    }

    private long peerCount() throws Exception {
        HttpResponse<String> count = call("admin", "GET", "/engine-rest/task/count?candidateUser=koordinator", null);
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        return json.readTree(count.body()).get("count").asLong();
    }

    /** Sustained writes from four clients for a while: how many a second were acknowledged, and their latencies. */
    private Map<String, Object> intake(String user, String path, java.util.function.IntFunction<String> body, int status) throws Exception {
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Samples samples = new Samples();
        long until = System.nanoTime() + INTAKE_SECONDS * 1_000_000_000L;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < until) {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = call(user, "POST", path, body.apply(sequence.incrementAndGet()));
                    if (answer.statusCode() == status) {
                        samples.add((System.nanoTime() - start) / 1e6);
                    } else {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(refused.get()).as("answers other than " + status).isZero();
        Map<String, Object> figures = new LinkedHashMap<>(samples.json());
        figures.put("clients", CLIENTS);
        figures.put("seconds", Samples.round(seconds));
        figures.put("perSecond", Samples.round(samples.count() / seconds));
        return figures;
    }

    private HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
