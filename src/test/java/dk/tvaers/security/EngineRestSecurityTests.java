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
    @Autowired dk.tvaers.support.Api api;

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
    void letsAdministratorsAndProcessOwnersIn() {
        for (String user : new String[] {"admin", "procesejer"}) {
            var response = http.withBasicAuth(user, user).getForEntity("/engine-rest/process-definition?key=CaseRouteProcess", String.class);
            assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).as(user).contains("CaseRouteProcess");
        }
    }

    @Test
    void keepsOtherUsersOutOfTheEngine() {
        ensureUser("resttest", "rigtig-kode");
        assertThat(http.withBasicAuth("resttest", "rigtig-kode").getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        for (String user : new String[] {"uu", "familie", "leder", "koordinator"}) {
            assertThat(http.withBasicAuth(user, user).getForEntity("/engine-rest/task", String.class).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void refusesDepartmentStaffAtTheWebappLogin() {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("username", "uu");
        form.add("password", "uu");
        var refused = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist", form, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("har ikke adgang til Camunda tasklist");
        form.set("username", "leder");
        form.set("password", "leder");
        assertThat(http.postForEntity("/camunda/api/admin/auth/user/default/login/cockpit", form, String.class).getBody())
                .contains("har ikke adgang til Camunda cockpit");
        form.set("username", "koordinator");
        form.set("password", "koordinator");
        // Coordinators pass this filter for Tasklist (the webapp's own CSRF check may still ask for its token).
        assertThat(String.valueOf(http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist", form, String.class).getBody()))
                .doesNotContain("har ikke adgang");
    }

    private void ensureUser(String id, String password) {
        if (identity.createUserQuery().userId(id).singleResult() == null) {
            User user = identity.newUser(id);
            user.setPassword(password);
            identity.saveUser(user);
        }
    }
}
