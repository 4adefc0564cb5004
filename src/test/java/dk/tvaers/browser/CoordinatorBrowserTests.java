package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator in a real browser (Debian's headless Chromium): log in, find the case in the inbox
 * with its alarm, open it, register consent through the form, and see the alarm clear once the
 * psychologist starts. axe-core checks every page on the way; screenshots go to docs/screenshots.
 */
@TvaersTest
@Tag("browser")
class CoordinatorBrowserTests {

    private static WebDriver browser;

    @LocalServerPort int port;
    @Autowired Api api;

    @BeforeAll
    static void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=da-DK");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private List<String> seriousAccessibilityProblems() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        List<String> problems = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                problems.add(violation.getId() + ": " + violation.getHelp() + " (" + violation.getNodes().size() + " steder)");
            }
        }
        return problems;
    }

    /** Waits for the page to show a text (a click's navigation takes its time). */
    private void waitFor(String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getPageSource().contains(text));
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("docs/screenshots"));
        Files.copy(shot, Path.of("docs/screenshots", name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aCoordinatorFindsTheUrgentCaseMovesItOnAndSeesTheAlarmClear() throws IOException {
        Map<String, Object> referral = Map.of("externalRef", "BROWSER-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(19), "name", "Viktor Browser"),
                "referredBy", "JOBCENTER", "referralDate", LocalDate.now().toString(),
                "flags", List.of("MENTAL_HEALTH", "NO_EDUCATION", "SOCIAL_ISOLATION"));
        String caseId = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        String effortId = api.post("koordinator", "/api/cases/" + caseId + "/efforts",
                Map.of("type", "PSYCHOLOGIST", "department", "HEALTH", "requestedOn", LocalDate.now().minusDays(152).toString()))
                .body().get("id").asText();

        open("/login");
        assertThat(seriousAccessibilityProblems()).as("login page").isEmpty();
        browser.findElement(By.id("username")).sendKeys("koordinator");
        browser.findElement(By.id("password")).sendKeys("koordinator");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor("Logget ind som koordinator");

        open("/indbakke?sort=severity");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Indbakke");
        assertThat(browser.getPageSource()).contains("Viktor Browser").contains("Venter på psykologsamtaler i 152 dage; grænsen er 30");
        assertThat(seriousAccessibilityProblems()).as("inbox").isEmpty();
        screenshot("inbox.png");

        browser.findElement(By.linkText("Viktor Browser")).click();
        waitFor("Borgerens forløb");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Viktor Browser");
        assertThat(browser.getPageSource()).contains("Venter på psykologsamtaler i 152 dage").contains("Regel: requested-effort-waits-to-start");
        // The route is drawn from its BPMN, with the step the case stands at marked.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> "true".equals(d.findElement(By.id("route-diagram")).getAttribute("data-rendered")));
        assertThat(browser.findElements(By.cssSelector("#route-diagram .active-step"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#route-diagram .active-step")).getAttribute("data-element-id")).isEqualTo("registerConsent");
        assertThat(seriousAccessibilityProblems()).as("case page").isEmpty();
        screenshot("case.png");
        var wait = browser.findElement(By.cssSelector(".timeline .segment.over-threshold"));
        assertThat(wait.getSize().getWidth()).as("the wait is drawn as a bar").isGreaterThan(50);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.querySelector('.timeline').scrollIntoView()");
        screenshot("journey.png");

        browser.findElement(By.linkText("Indhent samtykke")).click();
        waitFor("Afslut opgaven");
        assertThat(seriousAccessibilityProblems()).as("consent form").isEmpty();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor("Opgaven er ikke afsluttet");
        assertThat(seriousAccessibilityProblems()).as("consent form with errors").isEmpty();
        screenshot("task-form-errors.png");
        browser.findElement(By.cssSelector("input[name=consentGiven][value=true]")).click();
        browser.findElement(By.cssSelector("input[name=givenBy][value=CITIZEN]")).click();
        for (String code : List.of("PSYCHIATRY", "HEALTH", "UU", "SOCIAL")) {
            browser.findElement(By.cssSelector("input[name=departments][value=" + code + "]")).click();
        }
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('givenOn').value = arguments[0];", LocalDate.now().toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor("Givet af borgeren");
        assertThat(browser.getCurrentUrl()).endsWith("/sager/" + caseId);
        assertThat(browser.getPageSource()).contains("Givet af borgeren").contains("Sparring i ungeteamet");

        // The psychologist starts: the alarm's cause is gone, and so is the alarm.
        api.patch("koordinator", "/api/cases/" + caseId + "/efforts/" + effortId, Map.of("startedOn", LocalDate.now().toString()));
        browser.navigate().refresh();
        waitFor("Ingen alarmer.");
        // The alarm list is empty; the journey keeps the story (raised, then cleared).
        assertThat(browser.findElements(By.cssSelector("ul.alarms li"))).isEmpty();
        assertThat(browser.getPageSource()).contains("Ingen alarmer.").contains("Alarm ophørt: WAIT_SERVICE");
        screenshot("case-alarm-cleared.png");

        // The youth team's meeting: the case is on the agenda, and the page passes axe too.
        browser.findElement(By.cssSelector("header form button[type=submit]")).click();
        waitFor("Log ind");
        browser.findElement(By.id("username")).sendKeys("ungeteam");
        browser.findElement(By.id("password")).sendKeys("ungeteam");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor("Logget ind som ungeteam");
        open("/ungeteam");
        waitFor("Viktor Browser");
        assertThat(seriousAccessibilityProblems()).as("youth-team agenda").isEmpty();
        screenshot("youth-team-agenda.png");
    }
}
