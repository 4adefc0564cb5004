package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.Api;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tværs's web pages: login form with CSRF, session, the admin's audit page, logout — over real HTTP with cookies. */
@TvaersTest
class WebLoginTests {

        @LocalServerPort int port;
    @Autowired Api api;

    @Test
    void theLoginPageIsDanishWithLabelledFieldsAndACsrfToken() throws Exception {
        HttpResponse<String> page = new WebSession(port).get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"da\"").contains("<label for=\"username\">Brugernavn</label>")
                .contains("<label for=\"password\">Adgangskode</label>").contains("name=\"_csrf\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void pagesNeedALoginAndALoginWithoutCsrfIsRefused() throws Exception {
        WebSession browser = new WebSession(port);
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(browser.get("/admin/audit").statusCode()).isEqualTo(302);
        // Without the form's CSRF token the login is refused and nobody is signed in.
        HttpResponse<String> forged = browser.postWithoutToken("/login", "username", "admin", "password", "admin");
        assertThat(forged.statusCode()).isIn(302, 403);
        forged.headers().firstValue("Location").ifPresent(location -> assertThat(location).contains("/login"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(browser.get("/some/other/path").headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void everythingElseStaysClosedAfterLogin() throws Exception {
        WebSession browser = new WebSession(port);
        browser.login("koordinator", "koordinator");
        assertThat(browser.get("/some/other/path").statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordSaysSoInDanish() throws Exception {
        WebSession browser = new WebSession(port);
        HttpResponse<String> failed = browser.login("familie-ukendt", "forkert");
        assertThat(failed.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Forkert brugernavn eller adgangskode");
    }

    @Test
    void theAdministratorSeesTheAuditPageAndLogsOut() throws Exception {
        api.get("koordinator", "/api/cases?size=1");
        WebSession browser = new WebSession(port);
        HttpResponse<String> login = browser.login("admin", "admin");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Set-Cookie")).get().asString().contains("HttpOnly").contains("SameSite=Strict");

        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Logget ind som admin").contains("Revisionsspor");

        HttpResponse<String> audit = browser.get("/admin/audit?user=koordinator");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("<th scope=\"col\">Bruger</th>").contains("GET /api/cases");
        HttpResponse<String> badDate = browser.get("/admin/audit?from=igår");
        assertThat(badDate.body()).contains("aria-invalid=\"true\"").contains("Skal være en dato");
        // A date no case can have is refused by its field, as the trail's API refuses it.
        assertThat(browser.get("/admin/audit?from=0427-01-08").body()).contains("id=\"err-from\"").contains("fra år 1900 til 2099");
        // A reversed range is said by its field, not answered with an empty trail.
        HttpResponse<String> reversed = browser.get("/admin/audit?from=2026-12-01&to=2026-11-01");
        assertThat(reversed.body()).contains("id=\"err-to\"").contains("Slutdatoen kan ikke ligge før startdatoen");
        HttpResponse<String> csv = browser.get("/admin/audit.csv?user=koordinator");
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.body()).startsWith("tidspunkt;bruger;sag;handling;resultat");

        browser.get("/");
        HttpResponse<String> logout = browser.post("/logout");
        assertThat(logout.headers().firstValue("Location")).get().asString().endsWith("/login?logout");
        assertThat(browser.get("/admin/audit").statusCode()).isEqualTo(302);
    }

    @Test
    void aCoordinatorMayNotOpenTheAuditPage() throws Exception {
        WebSession browser = new WebSession(port);
        browser.login("koordinator", "koordinator");
        assertThat(browser.get("/").body()).contains("Logget ind som koordinator").doesNotContain("/admin/audit\"");
        assertThat(browser.get("/admin/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void onlyLeadersAndAdministratorsOpenTheRulesPage() throws Exception {
        assertThat(new WebSession(port).get("/regler").statusCode()).isEqualTo(302);
        for (String user : java.util.List.of("leder", "admin")) {
            WebSession browser = new WebSession(port);
            browser.login(user, user);
            // The leader's front page is the dashboard (/ sends him there), the administrator's the task list.
            assertThat(browser.get(user.equals("leder") ? "/statistik" : "/").body()).as(user).contains("href=\"/regler\"");
            assertThat(browser.get("/regler").statusCode()).as(user).isEqualTo(200);
        }
        for (String user : java.util.List.of("koordinator", "ungeteam", "uu", "procesejer")) {
            WebSession browser = new WebSession(port);
            browser.login(user, user);
            assertThat(browser.get("/").body()).as(user).doesNotContain("href=\"/regler\"");
            assertThat(browser.get("/regler").statusCode()).as(user).isEqualTo(403);
            assertThat(browser.post("/regler/graenser", "t_WAIT_SPARRING", "1", "comment", "forsøg").statusCode()).as(user).isEqualTo(403);
            assertThat(browser.get("/regler/kilder/thresholds.csv").statusCode()).as(user).isEqualTo(403);
        }
    }
}
