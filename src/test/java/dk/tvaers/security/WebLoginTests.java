package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.Api;
import dk.tvaers.support.TvaersTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tværs's web pages: login form with CSRF, session, the admin's audit page, logout — over real HTTP with cookies. */
@TvaersTest
class WebLoginTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired Api api;

    /** A browser-like client: keeps cookies, does not follow redirects (so the test sees them). */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String page) throws IOException, InterruptedException {
            Matcher matcher = CSRF.matcher(get(page).body());
            assertThat(matcher.find()).as("CSRF token on " + page).isTrue();
            return matcher.group(1);
        }

        HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
            String token = csrf("/login");
            return post("/login", "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theLoginPageIsDanishWithLabelledFieldsAndACsrfToken() throws Exception {
        HttpResponse<String> page = new Browser().get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"da\"").contains("<label for=\"username\">Brugernavn</label>")
                .contains("<label for=\"password\">Adgangskode</label>").contains("name=\"_csrf\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void pagesNeedALoginAndALoginWithoutCsrfIsRefused() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(browser.get("/admin/audit").statusCode()).isEqualTo(302);
        // Without the form's CSRF token the login is refused and nobody is signed in.
        HttpResponse<String> forged = browser.post("/login", "username=admin&password=admin");
        assertThat(forged.statusCode()).isIn(302, 403);
        forged.headers().firstValue("Location").ifPresent(location -> assertThat(location).contains("/login"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(browser.get("/some/other/path").headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void everythingElseStaysClosedAfterLogin() throws Exception {
        Browser browser = new Browser();
        browser.login("koordinator", "koordinator");
        assertThat(browser.get("/some/other/path").statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordSaysSoInDanish() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> failed = browser.login("familie-ukendt", "forkert");
        assertThat(failed.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Forkert brugernavn eller adgangskode");
    }

    @Test
    void theAdministratorSeesTheAuditPageAndLogsOut() throws Exception {
        api.get("koordinator", "/api/cases?size=1");
        Browser browser = new Browser();
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
        HttpResponse<String> csv = browser.get("/admin/audit.csv?user=koordinator");
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.body()).startsWith("tidspunkt;bruger;sag;handling;resultat");

        String token = browser.csrf("/");
        HttpResponse<String> logout = browser.post("/logout", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(logout.headers().firstValue("Location")).get().asString().endsWith("/login?logout");
        assertThat(browser.get("/admin/audit").statusCode()).isEqualTo(302);
    }

    @Test
    void aCoordinatorMayNotOpenTheAuditPage() throws Exception {
        Browser browser = new Browser();
        browser.login("koordinator", "koordinator");
        assertThat(browser.get("/").body()).contains("Logget ind som koordinator").doesNotContain("/admin/audit\"");
        assertThat(browser.get("/admin/audit").statusCode()).isEqualTo(403);
    }
}
