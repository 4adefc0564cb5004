package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.TvaersApplication;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one database, as a cluster behind a load balancer runs them: the web session
 * lives in the database, so a user logged in on one node is served by the other, a form posted to the other
 * carries the same CSRF token, a logout on one ends the session on both, and a stopped node logs nobody out.
 */
@TvaersTest
class TwoNodesSessionTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    ConfigurableApplicationContext second;
    int secondPort;

    @BeforeEach
    void startTheSecondNode() {
        second = new SpringApplicationBuilder(TvaersApplication.class).profiles("test")
                .properties("server.port=0", "camunda.bpm.process-engine-name=second", "spring.jmx.enabled=false",
                        "camunda.bpm.job-execution.enabled=false")
                .run();
        secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterEach
    void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aUserLoggedInOnOneNodeIsServedByTheOtherAndLogsOutOfBoth() throws Exception {
        WebSession first = new WebSession(port).loggedInAs("koordinator");
        assertThat(first.get("/indbakke").statusCode()).isEqualTo(200);

        WebSession moved = first.at(secondPort);
        HttpResponse<String> inbox = moved.get("/indbakke");
        assertThat(inbox.statusCode()).as("the other node knows the session").isEqualTo(200);
        assertThat(inbox.body()).contains("<h1>Indbakke</h1>");
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'koordinator'")
                .query(Integer.class).list()).as("the session in the database, with the pages' 30 minutes").contains(1800);

        // A form from the other node's page, with the token that page carried: the same session, the same token.
        HttpResponse<String> logout = moved.post("/logout");
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).get().asString().endsWith("/login?logout");
        HttpResponse<String> back = first.get("/indbakke");
        assertThat(back.statusCode()).as("logged out on the first node too").isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).get().asString().contains("/login");
    }

    @Test
    void aNodeStoppedLogsNobodyOut() throws Exception {
        WebSession onSecond = new WebSession(secondPort).loggedInAs("leder");
        assertThat(onSecond.get("/statistik").statusCode()).isEqualTo(200);

        second.close();
        second = null;

        HttpResponse<String> dashboard = onSecond.at(port).get("/statistik");
        assertThat(dashboard.statusCode()).as("the surviving node serves the drained node's user").isEqualTo(200);
        assertThat(dashboard.body()).contains("<h1>Sådan går forløbene</h1>");
    }
}
