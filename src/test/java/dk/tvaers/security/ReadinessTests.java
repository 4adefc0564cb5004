package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.support.Api;
import dk.tvaers.support.TvaersTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

/**
 * Health for load balancers and operators: status only for anyone, details and metrics for
 * administrators; while the application is not ready (the demo still seeding its cases with the
 * engine's clock moved back) every request but the probes is answered 503.
 */
@TvaersTest
class ReadinessTests {

    @Autowired TestRestTemplate http;
    @Autowired Api api;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;

    @Test
    void theProbesAreOpenAndSayOnlyTheStatus() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var answer = http.getForEntity(path, String.class);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
            var body = json.readTree(answer.getBody());
            assertThat(body.get("status").asText()).as(path).isEqualTo("UP");
            assertThat(body.has("components")).as(path + " shows no details to anyone").isFalse();
        }
    }

    @Test
    void administratorsSeeTheEngineAndTheRuleSetAndTheMetrics() throws Exception {
        var health = json.readTree(http.withBasicAuth("admin", "admin").getForEntity("/actuator/health", String.class).getBody());
        assertThat(health.get("components").get("ruleSet").get("details").get("version").asInt()).isPositive();
        assertThat(health.get("components").get("processEngine").get("status").asText()).isEqualTo("UP");
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("koordinator", "koordinator").getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
                .isEqualTo(403);
        var metrics = http.withBasicAuth("admin", "admin").getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody()).contains("jvm_memory_used_bytes");
        assertThat(http.withBasicAuth("admin", "admin").getForEntity("/actuator/env", String.class).getStatusCode().value())
                .as("only health and prometheus are exposed").isEqualTo(404);
    }

    @Test
    void nothingButTheProbesIsServedUntilTheApplicationIsReady() throws Exception {
        assertThat(api.get("koordinator", "/api/cases").status()).isEqualTo(200);
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            Api.Response refused = api.get("koordinator", "/api/cases");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("5");
            assertThat(http.getForEntity("/login", String.class).getStatusCode().value()).isEqualTo(503);
            assertThat(http.withBasicAuth("admin", "admin").getForEntity("/engine-rest/engine", String.class).getStatusCode().value()).isEqualTo(503);
            assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value()).isEqualTo(503);
            assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode().value()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(api.get("koordinator", "/api/cases").status()).isEqualTo(200);
    }
}
