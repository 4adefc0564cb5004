package dk.tvaers.api;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.Api;
import dk.tvaers.support.TvaersTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application serves the OpenAPI description of its API, with API.md's example referral. */
@TvaersTest
class OpenApiTests {

    @Autowired Api api;

    @Test
    void servesTheApiDescriptionWithTheReferralExample() {
        Api.Response docs = api.get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/cases")).isTrue();
        assertThat(docs.body().get("paths").has("/api/cases/{id}/alarms")).isTrue();
        assertThat(docs.body().get("paths").has("/api/tasks/{id}/complete")).isTrue();
        assertThat(docs.raw()).contains("JC-2026-0042").contains("basicAuth");
        assertThat(api.get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
