package dk.tvaers.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under referral load (the local server, {@code pg_ctlcluster … restart}): while it is down
 * a request fails cleanly — 503 problem+json with {@code Retry-After}, never a 500 — the node recovers by itself
 * once the database is back, and nothing is half-written: every acknowledged referral exists once, with its route.
 */
@Tag("fault")
class DatabaseRestartTests {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("koordinator:koordinator".getBytes(StandardCharsets.UTF_8));

    @Test
    void aRestartOfPostgresqlUnderLoadIsAnsweredWith503AndRecoversByItself() throws Exception {
        String database = "tvaers_fault";
        Faults.recreate(database);
        Map<String, Object> figures = new LinkedHashMap<>();
        try (Node node = Node.postgres("pg-omstart", database, true)) {
            node.start().awaitReady(Duration.ofMinutes(4));
            ReferralLoad load = new ReferralLoad("OMSTART", () -> List.of(node.base()));
            Thread restart = new Thread(() -> {
                try {
                    Thread.sleep(10_000);
                    long start = System.nanoTime();
                    restartPostgresql();
                    figures.put("restartSeconds", Faults.seconds(System.nanoTime() - start));
                    figures.put("recoveredSecondsAfterRestart", Faults.seconds(untilAReferralIsTaken(node) - start));
                } catch (Exception e) {
                    figures.put("restartFailed", "\"" + e + "\"");
                }
            }, "omstart");
            restart.start();
            load.run(4, Duration.ofSeconds(40));
            restart.join();
            assertThat(figures).as("the restart and the recovery").containsKeys("restartSeconds", "recoveredSecondsAfterRestart");

            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")) {
                long lost = load.acknowledged.entrySet().stream().filter(ack -> !exists(db, ack.getKey(), ack.getValue())).count();
                long withoutRoute = Faults.single(db, """
                        select count(*) from case_file c where c.citizen_name like 'Fejltest %' and (select count(*) from ACT_RU_EXECUTION e
                         where e.BUSINESS_KEY_ = c.id and e.ID_ = e.PROC_INST_ID_ and e.PROC_DEF_ID_ like 'CaseRouteProcess:%') <> 1""");
                figures.put("referralsSent", load.sent.size());
                figures.put("acknowledged", load.acknowledged.size());
                figures.put("answered503", load.unavailable.get());
                figures.put("requestsWithoutAnswer", load.noAnswer.get());
                figures.put("acknowledgedLost", lost);
                figures.put("casesWithoutOneRoute", withoutRoute);
                figures.put("wrongAnswers", load.wrong.size());
                Faults.report("postgresql-restart", figures);

                assertThat(load.wrong).as("500s, 503s without problem+json, 4xx to valid referrals").isEmpty();
                assertThat(lost).as("acknowledged referrals missing").isZero();
                assertThat(withoutRoute).as("cases without exactly one route").isZero();
                assertThat(load.acknowledged).as("referrals taken before and after the restart").hasSizeGreaterThan(20);
            }
        }
    }

    /** {@code pg_ctlcluster <version> main restart}, as root on this machine (the CI's and the developers'). */
    private static void restartPostgresql() throws Exception {
        String[] versions = new File("/etc/postgresql").list();
        if (versions == null || versions.length == 0) {
            throw new IllegalStateException("ingen lokal PostgreSQL under /etc/postgresql");
        }
        Arrays.sort(versions);
        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main", "restart")
                .redirectErrorStream(true).start();
        if (!restart.waitFor(60, TimeUnit.SECONDS) || restart.exitValue() != 0) {
            throw new IllegalStateException("pg_ctlcluster restart: " + new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Sends a referral every 200 ms until one is taken; the moment it was (System.nanoTime). */
    private static long untilAReferralIsTaken(Node node) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        for (int n = 0; n < 600; n++) {
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/cases"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", AUTH).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"externalRef":"PROEVE-%d","citizen":{"cpr":"0101054%03d","name":"Prøve %d"},"referredBy":"JOBCENTER",
                                 "referralDate":"%s","flags":[]}""".formatted(n, n % 1000, n, LocalDate.now(ZoneId.of("Europe/Copenhagen")).minusDays(1)))).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    return System.nanoTime();
                }
            } catch (java.io.IOException notYet) {
                // the node is up; only the database is not
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Tværs tog ikke imod henvisninger igen inden for 2 minutter efter genstarten");
    }

    private static boolean exists(Connection db, String externalRef, String id) {
        try (var query = db.prepareStatement("select count(*) from case_file where external_ref = ? and id = ?")) {
            query.setString(1, externalRef);
            query.setString(2, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) == 1;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
