package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.TvaersTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The engine's REST API is not open: anonymous calls are refused, identity-service users get in. */
@TvaersTest
class EngineRestSecurityTests {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;

    @Test
    void refusesAnonymousCallers() {
        assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesAWrongPassword() {
        // Its own user: after a failed login the engine locks the user for a few seconds.
        ensureUser("resttest-wrong", "rigtig-kode");
        assertThat(http.withBasicAuth("resttest-wrong", "forkert").getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void letsAnEngineUserIn() {
        ensureUser("resttest", "rigtig-kode");
        var response = http.withBasicAuth("resttest", "rigtig-kode").getForEntity("/engine-rest/process-definition?key=CaseRouteProcess", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("CaseRouteProcess");
    }

    private void ensureUser(String id, String password) {
        if (identity.createUserQuery().userId(id).singleResult() == null) {
            User user = identity.newUser(id);
            user.setPassword(password);
            identity.saveUser(user);
        }
    }
}
