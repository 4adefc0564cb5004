package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Consent decides what another department sees: given, withdrawn, and under 18 only from the custody holder. */
@TvaersTest
class ConsentLifecycleTests {

    @Autowired Api api;

    private String newCase(int age) {
        Map<String, Object> referral = Map.of("externalRef", "CONSENT-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(age), "name", "Samtykke Test"),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(), "flags", List.of("KNOWN_IN_FAMILY_DEPT"));
        return api.post("koordinator", "/api/cases", referral).body().get("id").asText();
    }

    private List<String> caseIdsOfTasks(String user) {
        List<String> ids = new ArrayList<>();
        api.get(user, "/api/tasks").body().forEach(t -> ids.add(t.get("caseId").asText()));
        return ids;
    }

    private void consent(String id, String givenBy) {
        assertThat(api.post("koordinator", "/api/cases/" + id + "/consents",
                Map.of("givenBy", givenBy, "departments", List.of("FAMILY"), "givenOn", Route.today().toString())).status()).isEqualTo(201);
    }

    @Test
    void underEighteenTheCitizensOwnConsentSharesNothing() {
        String id = newCase(16);
        api.post("koordinator", "/api/cases/" + id + "/departments/FAMILY", Map.of("decision", "INVOLVE"));
        consent(id, "CITIZEN");
        var insufficient = api.get("koordinator", "/api/cases/" + id).body();
        assertThat(insufficient.get("consent").get("status").asText()).isEqualTo("INSUFFICIENT");
        assertThat(insufficient.get("consent").get("departments")).isEmpty();
        assertThat(insufficient.get("consent").get("reason").asText()).contains("under 18");
        assertThat(insufficient.get("alarms")).anySatisfy(a -> assertThat(a.get("code").asText()).isEqualTo("CONSENT_MISSING"));
        assertThat(api.get("familie", "/api/cases/" + id).status()).isEqualTo(404);
        assertThat(api.get("familie", "/api/cases?size=200").raw()).doesNotContain(id);
        consent(id, "CUSTODY_HOLDER");
        assertThat(api.get("koordinator", "/api/cases/" + id).body().get("consent").get("status").asText()).isEqualTo("GIVEN");
        assertThat(api.get("familie", "/api/cases/" + id).status()).isEqualTo(200);
        assertThat(api.get("familie", "/api/cases?size=200").raw()).contains(id);
    }

    @Test
    void withdrawalRemovesTheCaseAndItsTasksAtOnce() {
        String id = newCase(30);
        api.post("koordinator", "/api/cases/" + id + "/departments/FAMILY", Map.of("decision", "INVOLVE"));
        consent(id, "CITIZEN");
        assertThat(api.get("familie", "/api/cases/" + id).status()).isEqualTo(200);
        assertThat(api.get("familie", "/api/cases/" + id + "/timeline").status()).isEqualTo(200);

        api.post("koordinator", "/api/cases/" + id + "/consents/withdraw", Map.of("withdrawnOn", Route.today().toString()));
        assertThat(api.get("familie", "/api/cases/" + id).status()).isEqualTo(404);
        assertThat(api.get("familie", "/api/cases/" + id + "/timeline").status()).isEqualTo(404);
        assertThat(api.get("familie", "/api/cases/" + id + "/alarms").status()).isEqualTo(404);
        assertThat(caseIdsOfTasks("familie")).doesNotContain(id);
        assertThat(caseIdsOfTasks("koordinator")).contains(id);
    }

    @Test
    void aDepartmentThatIsOnlySuggestedSeesNothingEvenWithConsent() {
        String id = newCase(30);
        consent(id, "CITIZEN");
        assertThat(api.get("familie", "/api/cases/" + id).status()).isEqualTo(404);
        assertThat(api.get("misbrug", "/api/cases/" + id).status()).isEqualTo(404);
    }
}
