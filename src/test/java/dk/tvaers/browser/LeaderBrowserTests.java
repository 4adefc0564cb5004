package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.alarms.AlarmSweep;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.SuggestionTableFixture;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.RuleVersionsRestore;
import dk.tvaers.demo.DemoHistory;
import dk.tvaers.support.TvaersTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The leader's whole path in a real browser, as the leaders' guide shows it: lower the youth-team
 * threshold from 14 to 10 days, read the what-if, activate, see the alarm reach the coordinator, roll
 * back; then change which department a flag suggests by uploading the spreadsheet. axe-core checks
 * every page; screenshots go to docs/screenshots for docs/leaders.md.
 */
@TvaersTest
@Tag("browser")
class LeaderBrowserTests {

    private static WebDriver driver;

    @LocalServerPort int port;
    @Autowired Api api;
    @Autowired RuleEngine engine;
    @Autowired AlarmSweep sweep;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    RuleVersionsRestore restore;

    @BeforeAll
    static void openBrowser() {
        driver = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void remember() {
        restore = new RuleVersionsRestore(engine, sweep);
    }

    @AfterEach
    void putBack() {
        restore.restore();
        Route.resetClock();
    }

    private String refer(String name, int daysAgo, List<String> flags) {
        Map<String, Object> referral = Map.of("externalRef", "LEADER-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(30), "name", name),
                "referredBy", "JOBCENTER", "referralDate", Route.today().minusDays(daysAgo).toString(), "flags", flags,
                "coordinator", "koordinator");
        return api.post("koordinator", "/api/cases", referral).body().get("id").asText();
    }

    @Test
    void aLeaderLowersTheThresholdReadsTheWhatIfActivatesAndRollsBack() throws IOException {
        Browser page = Browser.on(driver, port);
        String caseId = refer("Tolv Dage Browser", 12, List.of("DEBT"));

        page.logInAs("leder");
        assertThat(driver.findElement(By.linkText("Regler")).isDisplayed()).isTrue();
        page.open("/regler");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Regler");
        assertThat(driver.getPageSource()).contains("Ser på dagene siden henvisningen").contains("department-suggestions.xlsx")
                .doesNotContain("Tolv Dage Browser").doesNotContain(caseId);
        assertThat(page.seriousAccessibilityProblems()).as("rules page").isEmpty();
        page.screenshot("rules.png");

        // A value out of range is answered by the field, and what was typed stays.
        WebElement days = driver.findElement(By.id("t_WAIT_SPARRING"));
        days.clear();
        days.sendKeys("-3");
        driver.findElement(By.id("comment")).sendKeys("Ungeteamet skal se de unge hurtigere");
        driver.findElement(By.cssSelector("form[action$='/regler/graenser/virkning'] button[type=submit]")).click();
        page.waitFor("Skal være mellem 0 og 3650");
        assertThat(driver.findElement(By.id("t_WAIT_SPARRING")).getAttribute("value")).isEqualTo("-3");
        assertThat(driver.findElement(By.id("comment")).getAttribute("value")).isEqualTo("Ungeteamet skal se de unge hurtigere");
        assertThat(page.seriousAccessibilityProblems()).as("rules page with an error").isEmpty();

        days = driver.findElement(By.id("t_WAIT_SPARRING"));
        days.clear();
        days.sendKeys("10");
        driver.findElement(By.cssSelector("form[action$='/regler/graenser/virkning'] button[type=submit]")).click();
        page.waitFor("Virkningen af ændringen");
        WebElement sparringRow = driver.findElement(By.xpath("//table[contains(@class,'whatif-alarms')]//tr[th[normalize-space()='Venter på sparring']]"));
        assertThat(Integer.parseInt(sparringRow.findElements(By.tagName("td")).get(0).getText())).isGreaterThanOrEqualTo(1);
        assertThat(driver.getPageSource()).contains("Intet er ændret endnu").doesNotContain("Tolv Dage Browser").doesNotContain(caseId);
        assertThat(page.seriousAccessibilityProblems()).as("what-if").isEmpty();
        page.screenshot("rules-whatif.png");
        assertThat(engine.active().version()).as("nothing changes before Aktivér").isEqualTo(restore.version());

        driver.findElement(By.xpath("//button[normalize-space()='Aktivér']")).click();
        page.waitFor("er aktiv nu");
        int activated = engine.active().version();
        assertThat(activated).isGreaterThan(restore.version());
        assertThat(driver.findElement(By.id("t_WAIT_SPARRING")).getAttribute("value")).isEqualTo("10");
        page.screenshot("rules-activated.png");
        RuleVersionsRestore.awaitSweep(sweep);

        page.logInAs("koordinator");
        page.open("/indbakke?alarm=WAIT_SPARRING");
        assertThat(driver.getPageSource()).contains("Tolv Dage Browser").contains("grænsen er 10");
        page.screenshot("inbox-after-threshold.png");

        page.logInAs("leder");
        page.open("/regler");
        String previous = String.valueOf(restore.version());
        driver.findElement(By.id("comment-" + previous)).sendKeys("Tilbage til 14 dage efter aftale i lederforum");
        driver.findElement(By.xpath("//button[normalize-space()='Gør version " + previous + " aktiv']")).click();
        page.waitFor("Version " + previous + " er aktiv nu");
        assertThat(engine.active().version()).isEqualTo(restore.version());
        assertThat(driver.findElement(By.id("t_WAIT_SPARRING")).getAttribute("value")).isEqualTo("14");
        page.screenshot("rules-rolled-back.png");
        RuleVersionsRestore.awaitSweep(sweep);

        page.logInAs("koordinator");
        page.open("/sager/" + caseId);
        assertThat(driver.findElement(By.cssSelector("ul.alarms, main")).getText()).doesNotContain("grænsen er 10");
    }

    @Test
    void aLeaderChangesWhichDepartmentAFlagSuggestsWithTheSpreadsheet() throws IOException {
        Browser page = Browser.on(driver, port);
        String caseId = refer("Gæld Browser", 1, List.of("DEBT"));
        Path table = Files.createTempDirectory("leader").resolve("department-suggestions.xlsx");
        Files.write(table, SuggestionTableFixture.shippedTableWith("debt-suggests-social", "FAMILY"));

        page.logInAs("leder");
        page.open("/regler");
        assertThat(driver.findElement(By.linkText("department-suggestions.xlsx")).getAttribute("href")).endsWith("/regler/kilder/department-suggestions.xlsx");
        driver.findElement(By.id("files")).sendKeys(table.toString());
        driver.findElement(By.id("fileComment")).sendKeys("Gæld hører under familieafdelingen hos os");
        driver.findElement(By.cssSelector("form[action$='/regler/filer/virkning'] button[type=submit]")).click();
        page.waitFor("Virkningen af ændringen");
        assertThat(driver.findElement(By.cssSelector("table.whatif-suggestions")).getText()).contains("Børne- og familieafdelingen").contains("Socialafdelingen");
        assertThat(page.seriousAccessibilityProblems()).as("what-if of a table").isEmpty();
        page.screenshot("rules-table-whatif.png");
        driver.findElement(By.xpath("//button[normalize-space()='Aktivér']")).click();
        page.waitFor("er aktiv nu");
        RuleVersionsRestore.awaitSweep(sweep);

        page.logInAs("koordinator");
        page.open("/sager/" + caseId);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Børne- og familieafdelingen");
        // "Why not" for the department no longer suggested names the rule and its condition.
        driver.findElement(By.cssSelector("#hvorfor-afdeling option[value='SOCIAL']")).click();
        driver.findElement(By.xpath("//button[normalize-space()='Vis hvorfor']")).click();
        page.waitFor("er ikke foreslået på sagen");
        assertThat(driver.findElement(By.cssSelector(".why-answer")).getText()).contains("housing-suggests-social")
                .contains("kræver «Boligproblemer»; borgeren har det ikke");
        assertThat(page.seriousAccessibilityProblems()).as("case page with why not").isEmpty();
        page.screenshot("case-why-not.png");
    }

    /**
     * The dashboard as a leader meets it: logged in, the front page is the dashboard; a year of 600
     * synthetic cases behind it (removed again after); where citizens wait longest, the key figures against
     * the quarter before, every chart drawn with its table beside it, a department filter, a refused date by
     * its field, the CSV. axe on each state; screenshots for docs/leaders.md.
     */
    @Test
    void aLeaderSeesWhereCitizensWaitHowInterdisciplinaryTheWorkIsAndHowCasesEnd() throws IOException {
        DemoHistory.write(jdbc, "DASH-", 600, 14, Route.today());
        try {
            Browser page = Browser.on(driver, port);
            page.logInAs("leder");
            page.open("/");
            page.waitFor("Nøgletal for lederforum");
            assertThat(driver.getCurrentUrl()).endsWith("/statistik");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sådan går forløbene");
            assertThat(driver.findElement(By.cssSelector("p.headline")).getText()).startsWith("Borgerne venter længst på: ");
            for (String key : List.of("interdisciplinary", "daysToYouthTeam", "daysToNetworkMeeting", "openGapAlarm", "agreementsKept", "outcomesPer100")) {
                WebElement figure = driver.findElement(By.id("key-" + key));
                assertThat(figure.findElement(By.cssSelector("dd.value")).getText()).as(key).isNotBlank().isNotEqualTo("ikke vist");
                assertThat(figure.findElement(By.cssSelector("dd.about")).getText()).as(key).endsWith(".");
            }
            List<WebElement> charts = driver.findElements(By.cssSelector("canvas.stats-chart"));
            assertThat(charts).hasSize(8);
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("canvas.stats-chart[data-rendered=true]")).size() == charts.size());
            WebElement sparring = driver.findElement(By.xpath("//table[@id='stage-waits-table']//tr[th[normalize-space()='Sparring i ungeteamet']]"));
            assertThat(sparring.findElements(By.tagName("td")).get(4).getText()).isEqualTo("14");
            assertThat(driver.findElement(By.id("outcomes-table")).getText()).contains("Job", "Uddannelse");
            assertThat(driver.getPageSource()).doesNotContain("Syntetisk borger").doesNotContain("DASH-");
            assertThat(page.seriousAccessibilityProblems()).as("dashboard").isEmpty();
            page.screenshot("dashboard.png");
            scrollTo("stage-waits-table");
            page.screenshot("dashboard-waits.png");
            scrollTo("outcomes-table");
            page.screenshot("dashboard-outcomes.png");

            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("department"))).selectByVisibleText("Sundhedsvæsenet");
            driver.findElement(By.cssSelector("form.date-range button[type=submit]")).click();
            page.waitFor("department=HEALTH");
            assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("department"))).getFirstSelectedOption().getText())
                    .isEqualTo("Sundhedsvæsenet");
            assertThat(driver.findElement(By.cssSelector("a[download]")).getAttribute("href")).contains("/statistik/tal.csv", "department=HEALTH");

            page.setValue("from", "");
            page.open("/statistik?from=2026-02-30");
            page.waitFor("Skal være en gyldig dato");
            assertThat(driver.findElement(By.id("from")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.seriousAccessibilityProblems()).as("dashboard with a refused date").isEmpty();
        } finally {
            DemoHistory.remove(jdbc, "DASH-");
        }
    }

    private void scrollTo(String id) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
    }
}
