package dk.tvaers.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A node killed with {@code kill -9} while referrals arrive, and restarted: every referral a node acknowledged
 * exists exactly once, every case has exactly one route with its first task and that task's inbox row, no route
 * is without its case, and no client saw a 500. Two real {@code java -jar} processes on one PostgreSQL database
 * (the cluster), and the single node on its H2 file (the demo's installation). The figures are printed and
 * written to {@code target/fault/}.
 */
@Tag("fault")
class NodeKilledUnderLoadTests {

    private static final Duration START = Duration.ofMinutes(4);
    /** Jobs a dead node had locked go to the others after this (the engine's default is five minutes). */
    private static final String LOCK_TIME = "--camunda.bpm.job-execution.lock-time-in-millis=30000";

    @Test
    void twoNodesOnOnePostgresqlOneKilledAndRestartedUnderReferrals() throws Exception {
        String database = "tvaers_fault";
        Faults.recreate(database);
        List<Node> started = new ArrayList<>();
        try {
            // The first start seeds the demo's users; the second node and every restart find them.
            Node a = started(started, Node.postgres("a", database, true, LOCK_TIME)).awaitReady(START);
            Node b = started(started, Node.postgres("b", database, false, LOCK_TIME)).awaitReady(START);

            // Throughput of one node, then of both, before anything breaks (the clients and both nodes share this machine),
            // after a warm-up of both.
            ReferralLoad warm = new ReferralLoad("VARM", () -> List.of(a.base(), b.base()));
            warm.run(4, Duration.ofSeconds(10));
            ReferralLoad one = new ReferralLoad("EEN", () -> List.of(a.base()));
            one.run(4, Duration.ofSeconds(15));
            ReferralLoad both = new ReferralLoad("TO", () -> List.of(a.base(), b.base()));
            both.run(4, Duration.ofSeconds(15));

            AtomicReference<Node> first = new AtomicReference<>(a);
            ReferralLoad load = new ReferralLoad("DRAB", () -> List.of(first.get().base(), b.base()));
            Map<String, Object> figures = new LinkedHashMap<>();
            Thread crash = started(new Thread(() -> {
                try {
                    Thread.sleep(15_000);
                    long killed = System.nanoTime();
                    a.kill();
                    figures.put("killedAfterSeconds", 15);
                    Thread.sleep(5_000);
                    Node again = started(started, Node.postgres("a-igen", database, false, LOCK_TIME));
                    first.set(again);
                    again.awaitReady(START);
                    figures.put("restartedNodeReadySecondsAfterKill", Faults.seconds(System.nanoTime() - killed));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "nedbrud"));
            load.run(4, Duration.ofSeconds(50));
            crash.join();

            figures.put("oneNodeReferralsPerSecond", Math.round(one.acknowledged.size() / 1.5) / 10.0);
            figures.put("twoNodesReferralsPerSecond", Math.round(both.acknowledged.size() / 1.5) / 10.0);
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")) {
                holds("two-nodes-postgresql-kill", figures, check(db, warm, one, both, load), warm, one, both, load);
            }
        } finally {
            for (Node node : started) {
                node.stop();
            }
        }
    }

    @Test
    void theSingleNodeOnH2KilledAndRestartedUnderReferrals() throws Exception {
        Path folder = Path.of("target", "fault", "h2");
        FileSystemUtils.deleteRecursively(folder);
        Files.createDirectories(folder);
        List<Node> started = new ArrayList<>();
        ReferralLoad load;
        Map<String, Object> figures = new LinkedHashMap<>();
        try {
            Node node = started(started, Node.h2("h2", folder)).awaitReady(START);
            AtomicReference<Node> current = new AtomicReference<>(node);
            load = new ReferralLoad("H2", () -> List.of(current.get().base()));
            Thread crash = started(new Thread(() -> {
                try {
                    Thread.sleep(10_000);
                    long killed = System.nanoTime();
                    node.kill();
                    figures.put("killedAfterSeconds", 10);
                    Node again = started(started, Node.h2("h2-igen", folder));
                    current.set(again);
                    again.awaitReady(START);
                    figures.put("restartedNodeReadySecondsAfterKill", Faults.seconds(System.nanoTime() - killed));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "nedbrud"));
            load.run(2, Duration.ofSeconds(60));
            crash.join();
        } finally {
            // H2 holds its file for one process: the database is read once the node is down.
            for (Node node : started) {
                node.stop();
            }
        }
        try (Connection db = DriverManager.getConnection(Node.h2Url(folder), "sa", "")) {
            holds("single-node-h2-kill", figures, check(db, load), load);
        }
    }

    /** What the database holds of the loads' referrals, against what the clients were told. */
    private record Check(long lost, long duplicated, Map<String, String> halfWritten, long routesWithoutCase, List<String> neverSent) {}

    private static Check check(Connection db, ReferralLoad... loads) throws SQLException {
        Map<String, List<String>> cases = new HashMap<>();
        Map<String, String> halfWritten = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                select c.external_ref, c.id,
                       (select count(*) from ACT_RU_EXECUTION e where e.BUSINESS_KEY_ = c.id and e.ID_ = e.PROC_INST_ID_
                          and e.PROC_DEF_ID_ like 'CaseRouteProcess:%') as routes,
                       (select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
                          where e.BUSINESS_KEY_ = c.id) as tasks,
                       (select count(*) from inbox_task i where i.case_id = c.id and i.group_rank = 0) as inbox
                from case_file c where c.citizen_name like 'Fejltest %'""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                cases.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
                if (rows.getLong(3) != 1 || rows.getLong(4) != 1 || rows.getLong(5) != 1) {
                    halfWritten.put(rows.getString(1), "routes " + rows.getLong(3) + ", tasks " + rows.getLong(4) + ", inbox rows " + rows.getLong(5));
                }
            }
        }
        long lost = 0;
        long duplicated = 0;
        List<String> neverSent = new ArrayList<>(cases.keySet());
        for (ReferralLoad load : loads) {
            for (Map.Entry<String, String> ack : load.acknowledged.entrySet()) {
                List<String> found = cases.getOrDefault(ack.getKey(), List.of());
                lost += found.contains(ack.getValue()) ? 0 : 1;
                duplicated += Math.max(0, found.size() - 1);
            }
            neverSent.removeAll(load.sent);
        }
        try (Statement statement = db.createStatement();
             ResultSet orphans = statement.executeQuery("""
                     select count(*) from ACT_RU_EXECUTION e where e.ID_ = e.PROC_INST_ID_ and e.PROC_DEF_ID_ like 'CaseRouteProcess:%'
                      and not exists (select 1 from case_file c where c.id = e.BUSINESS_KEY_)""")) {
            orphans.next();
            return new Check(lost, duplicated, halfWritten, orphans.getLong(1), neverSent);
        }
    }

    /** Reports the figures, then holds the run to the invariants. */
    private static void holds(String name, Map<String, Object> figures, Check check, ReferralLoad... loads) throws IOException {
        ReferralLoad load = loads[loads.length - 1];
        figures.put("referralsSent", load.sent.size());
        figures.put("requests", load.requests.get());
        figures.put("acknowledged", load.acknowledged.size());
        figures.put("acknowledgedLost", check.lost());
        figures.put("acknowledgedDuplicated", check.duplicated());
        figures.put("halfWritten", check.halfWritten().size());
        figures.put("routesWithoutCase", check.routesWithoutCase());
        figures.put("requestsWithoutAnswer", load.noAnswer.get());
        figures.put("answered503", load.unavailable.get());
        figures.put("neverAcknowledged", load.sent.size() - load.acknowledged.size());
        Faults.report(name, figures);
        for (ReferralLoad each : loads) {
            assertThat(each.wrong).as("answers no client may get").isEmpty();
            assertThat(each.acknowledged).as("the load reached the nodes").hasSizeGreaterThan(20);
        }
        assertThat(check.lost()).as("acknowledged referrals missing").isZero();
        assertThat(check.duplicated()).as("acknowledged referrals stored twice").isZero();
        assertThat(check.halfWritten()).as("cases without their route, task or inbox row, or with two").isEmpty();
        assertThat(check.routesWithoutCase()).as("routes without their case").isZero();
        assertThat(check.neverSent()).as("cases no client sent").isEmpty();
    }

    private static Node started(List<Node> started, Node node) {
        synchronized (started) {
            started.add(node);
        }
        return node.start();
    }

    private static Thread started(Thread thread) {
        thread.start();
        return thread;
    }
}
