package dk.tvaers.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 10,000 timers due at the same moment on a cluster of two nodes, whose job executors share them, and one node
 * killed with {@code kill -9} while they fire: every timer fires exactly once (the engine's job log has one
 * successful execution per job, every instance ended once), the survivor finishes the jobs the dead node had locked
 * once their lock expires, and no incident is left. The share each node took and the time the survivor needed
 * are printed and written to {@code target/fault/}.
 */
@Tag("fault")
class TimersOnTwoNodesTests {

    private static final int TIMERS = 10_000;
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    /** The lock of a job a node took: above the slowest job (a sweep's batch, about a second), far below the default five minutes. */
    private static final String LOCK_TIME = "--camunda.bpm.job-execution.lock-time-in-millis=30000";
    /** An idle job executor looks for due jobs at least this often (the engine's default backs off to a minute). */
    private static final String MAX_WAIT = "--camunda.bpm.job-execution.max-wait=5000";
    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                id="FaultTimerDefinitions" targetNamespace="https://tvaers.dk/fault">
              <bpmn:process id="FaultTimer" name="Fejltest: en timer" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="ToTimer" sourceRef="Start" targetRef="Due" />
                <bpmn:intermediateCatchEvent id="Due" name="Tiden er gået">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="ToEnd" sourceRef="Due" targetRef="End" />
                <bpmn:endEvent id="End" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void tenThousandTimersDueAtOnceFireOnceOnTwoNodesWhenOneIsKilled() throws Exception {
        String database = "tvaers_fault";
        Faults.recreate(database);
        List<Node> started = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        try {
            Node a = Node.postgres("timer-a", database, true, LOCK_TIME, MAX_WAIT, "--camunda.bpm.generic-properties.properties.hostname=a");
            started.add(a.start());
            a.awaitReady(Duration.ofMinutes(4));
            Node b = Node.postgres("timer-b", database, false, LOCK_TIME, MAX_WAIT, "--camunda.bpm.generic-properties.properties.hostname=b");
            started.add(b.start());
            b.awaitReady(Duration.ofMinutes(4));

            deploy(a);
            long starting = System.nanoTime();
            startInstances(List.of(a, b));
            figures.put("timers", TIMERS);
            figures.put("instancesStartedSeconds", Faults.seconds(System.nanoTime() - starting));

            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")) {
                // Every timer due now, at once.
                try (PreparedStatement due = db.prepareStatement("update ACT_RU_JOB set DUEDATE_ = ? where PROCESS_DEF_KEY_ = 'FaultTimer'")) {
                    due.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
                    assertThat(due.executeUpdate()).as("one timer job per instance").isEqualTo(TIMERS);
                }
                long due = System.nanoTime();
                // Kill b with a fifth of the timers fired: it dies holding the jobs it had locked.
                awaitEnded(db, TIMERS / 5, Duration.ofMinutes(5));
                b.kill();
                long killed = System.nanoTime();
                figures.put("endedWhenKilled", ended(db));
                figures.put("killedAfterSeconds", Faults.seconds(killed - due));
                awaitEnded(db, TIMERS, Duration.ofMinutes(5));
                figures.put("allFiredSecondsAfterDue", Faults.seconds(System.nanoTime() - due));
                figures.put("survivorFinishedSecondsAfterKill", Faults.seconds(System.nanoTime() - killed));

                Map<String, Long> byNode = new LinkedHashMap<>();
                try (Statement statement = db.createStatement();
                     ResultSet rows = statement.executeQuery("""
                             select HOSTNAME_, count(*) from ACT_HI_JOB_LOG
                             where PROCESS_DEF_KEY_ = 'FaultTimer' and JOB_STATE_ = 2 group by HOSTNAME_ order by HOSTNAME_""")) {
                    while (rows.next()) {
                        byNode.put(rows.getString(1), rows.getLong(2));
                    }
                }
                figures.put("firedByNode", "{" + byNode.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                        .reduce((x, y) -> x + ", " + y).orElse("") + "}");
                long firedTwice = Faults.single(db, """
                        select count(*) from (select JOB_ID_ from ACT_HI_JOB_LOG where PROCESS_DEF_KEY_ = 'FaultTimer' and JOB_STATE_ = 2
                         group by JOB_ID_ having count(*) > 1) twice""");
                long endedTwice = Faults.single(db, """
                        select count(*) from (select PROC_INST_ID_ from ACT_HI_ACTINST where PROC_DEF_KEY_ = 'FaultTimer' and ACT_ID_ = 'End'
                         group by PROC_INST_ID_ having count(*) > 1) twice""");
                long left = Faults.single(db, "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'FaultTimer'");
                long incidents = Faults.single(db, "select count(*) from ACT_RU_INCIDENT");
                figures.put("firedTwice", firedTwice);
                figures.put("endedTwice", endedTwice);
                figures.put("jobsLeft", left);
                figures.put("incidents", incidents);
                Faults.report("timers-two-nodes-kill", figures);

                assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).as("successful timer executions").isEqualTo(TIMERS);
                assertThat(byNode).as("both nodes took timers").containsKeys("a", "b");
                assertThat(firedTwice).as("timers fired twice").isZero();
                assertThat(endedTwice).as("instances ended twice").isZero();
                assertThat(left).as("timer jobs left").isZero();
                assertThat(incidents).as("incidents").isZero();
            }
        } finally {
            for (Node node : started) {
                node.stop();
            }
        }
    }

    /** Deploys the timer process through the engine's REST API, as an administrator would from the Modeler. */
    private void deploy(Node node) throws IOException, InterruptedException {
        String boundary = "tvaers" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nfejltest-timere\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"FaultTimer.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + PROCESS + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> deployed = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/engine-rest/deployment/create"))
                .header("Authorization", ADMIN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deployed.statusCode()).as("deployment: %s", deployed.body()).isEqualTo(200);
    }

    /** Starts the instances through the engine's REST API on both nodes, eight clients at a time. */
    private void startInstances(List<Node> nodes) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int c = 0; c < 8; c++) {
                done.add(clients.submit(() -> {
                    for (int n = next.getAndIncrement(); n < TIMERS; n = next.getAndIncrement()) {
                        Node node = nodes.get(n % nodes.size());
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/engine-rest/process-definition/key/FaultTimer/start"))
                                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\": \"TIMER-" + n + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != 200) {
                            throw new AssertionError("start " + n + ": " + answer.statusCode() + " " + answer.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static void awaitEnded(Connection db, int count, Duration atMost) throws SQLException, InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (ended(db) < count) {
            if (System.nanoTime() > until) {
                throw new AssertionError("only " + ended(db) + " of " + count + " timers fired within " + atMost);
            }
            Thread.sleep(100);
        }
    }

    private static long ended(Connection db) throws SQLException {
        return Faults.single(db, "select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'FaultTimer' and END_TIME_ is not null");
    }

}
