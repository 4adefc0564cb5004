package dk.tvaers.leaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.TvaersApplication;
import dk.tvaers.alarms.AlarmSweep;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.support.Api;
import dk.tvaers.support.RuleVersionsRestore;
import dk.tvaers.support.TvaersTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances on one database (H2 in memory here, PostgreSQL with -Ppostgres), as a
 * cluster runs them: a version activated on one node is in force on the other within 10 seconds,
 * by the other node's own poll, and the same the other way round.
 */
@TvaersTest
class TwoNodesRuleSwitchTests {

    @Autowired Api api;
    @Autowired RuleEngine engine;
    @Autowired AlarmSweep sweep;
    @Autowired ObjectMapper json;

    RuleVersionsRestore restore;
    ConfigurableApplicationContext second;

    @BeforeEach
    void startTheSecondNode() {
        restore = new RuleVersionsRestore(engine, sweep);
        second = new SpringApplicationBuilder(TvaersApplication.class).profiles("test")
                .properties("server.port=0", "camunda.bpm.process-engine-name=second", "spring.jmx.enabled=false",
                        "camunda.bpm.job-execution.enabled=false", "tvaers.rules.poll-every=PT2S")
                .run();
    }

    @AfterEach
    void stopIt() {
        if (second != null) {
            second.close();
        }
        restore.restore();
    }

    private int versionOnTheSecondNode() throws Exception {
        int port = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rules"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("leder:leder".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        return body.path("version").asInt();
    }

    @Test
    void aVersionActivatedOnOneNodeIsInForceOnTheOtherWithinTenSeconds() throws Exception {
        RuleEngine other = second.getBean(RuleEngine.class);
        assertThat(other.active().version()).isEqualTo(engine.active().version());

        int created = api.put("leder", "/api/rules/thresholds", Map.of("thresholds", Map.of("WAIT_SPARRING", 11),
                "comment", "to noder")).body().path("version").asInt();
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> versionOnTheSecondNode() == created);
        System.out.printf("Den anden node skiftede til version %d efter %d ms%n", created, (System.nanoTime() - started) / 1_000_000);
        assertThat(other.active().thresholds().get("WAIT_SPARRING").days()).isEqualTo(11);

        // And back: a rollback made on the second node reaches the first.
        other.activate(restore.version(), "leder", "tilbage");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> engine.active().version() == restore.version());
        RuleVersionsRestore.awaitSweep(second.getBean(AlarmSweep.class));
    }
}
