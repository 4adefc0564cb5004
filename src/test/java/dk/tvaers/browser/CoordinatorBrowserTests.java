package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.Stage;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Viktor's case through the whole route in a real browser (Debian's headless Chromium): the
 * coordinator finds the case in the inbox by its alarm, registers consent and sees the alarm clear;
 * the youth team decides on an interdisciplinary route; the coordinator invites to the network
 * meeting, takes the task and records the meeting (minutes in the outbox); the company consultant
 * runs the internship; the follow-up closes the case with a job. axe-core checks every page on the
 * way; screenshots go to docs/screenshots.
 */
@TvaersTest
@Tag("browser")
class CoordinatorBrowserTests {

    private static WebDriver browser;

    @LocalServerPort int port;
    @Autowired Api api;
    @Autowired Route route;

    @AfterEach
    void resetClock() {
        Route.resetClock();
    }

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private Browser page() {
        return Browser.on(browser, port);
    }

    private void open(String path) {
        page().open(path);
    }

    private List<String> seriousAccessibilityProblems() {
        return page().seriousAccessibilityProblems();
    }

    private void waitFor(String text) {
        page().waitFor(text);
    }

    private void screenshot(String name) throws IOException {
        page().screenshot(name);
    }

    @Test
    void aCoordinatorFindsTheUrgentCaseMovesItOnAndSeesTheAlarmClear() throws IOException {
        Map<String, Object> referral = Map.of("externalRef", "BROWSER-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(19), "name", "Viktor Browser"),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(),
                "flags", List.of("MENTAL_HEALTH", "NO_EDUCATION", "SOCIAL_ISOLATION"));
        String caseId = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        String effortId = api.post("koordinator", "/api/cases/" + caseId + "/efforts",
                Map.of("type", "PSYCHOLOGIST", "department", "HEALTH", "requestedOn", Route.today().minusDays(152).toString()))
                .body().get("id").asText();

        open("/login");
        assertThat(seriousAccessibilityProblems()).as("login page").isEmpty();
        browser.findElement(By.id("username")).sendKeys("koordinator");
        browser.findElement(By.id("password")).sendKeys("koordinator");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor("Logget ind som koordinator");
        // The front page after login: the most urgent tasks with why, and the way into the inbox.
        assertThat(browser.getPageSource()).contains("Det mest presserende lige nu");
        screenshot("home.png");

        open("/indbakke?sort=severity&alarm=WAIT_SERVICE&department=PSYCHIATRY");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Indbakke");
        assertThat(browser.getPageSource()).contains("Viktor Browser").contains("Venter på psykologsamtaler i 152 dage; grænsen er 30");
        assertThat(seriousAccessibilityProblems()).as("inbox").isEmpty();
        screenshot("inbox.png");
        // A tablet held upright: the inbox reflows instead of scrolling sideways (WCAG 1.4.10).
        browser.manage().window().setSize(new Dimension(768, 1024));
        browser.navigate().refresh();
        waitFor("Viktor Browser");
        assertThat(sidewaysScroll()).as("inbox on a tablet").isLessThanOrEqualTo(0L);
        screenshot("inbox-tablet.png");
        open("/sager/" + caseId);
        waitFor("Borgerens forløb");
        assertThat(sidewaysScroll()).as("case page on a tablet").isLessThanOrEqualTo(0L);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        open("/indbakke?sort=severity&alarm=WAIT_SERVICE&department=PSYCHIATRY");

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
        // The departments the rules suggested are ticked already (and stay ticked through the refused round).
        for (String code : List.of("PSYCHIATRY", "HEALTH", "UU", "SOCIAL")) {
            assertThat(browser.findElement(By.cssSelector("input[name=departments][value=" + code + "]")).isSelected()).as(code).isTrue();
        }
        assertThat(browser.findElement(By.cssSelector("input[name=departments][value=FAMILY]")).isSelected()).isFalse();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('givenOn').value = arguments[0];", Route.today().toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor("Givet af borgeren");
        assertThat(browser.getCurrentUrl()).endsWith("/sager/" + caseId);
        // Confirmed on the case page; the suggested departments the citizen consented to are involved in the same step.
        assertThat(browser.findElement(By.id("task-completed")).getText()).isEqualTo("Opgaven »Indhent samtykke« er afsluttet.");
        assertThat(route.caseFile(caseId).departments().stream().filter(d -> d.department() != dk.tvaers.casefile.Department.JOBCENTER)
                .map(d -> d.status().name())).containsOnly("INVOLVED");
        assertThat(browser.getPageSource()).contains("Givet af borgeren").contains("Sparring i ungeteamet")
                .contains("Psykiatri og handicap, Socialafdelingen");

        // The psychologist starts: the alarm's cause is gone, and so is the alarm.
        api.patch("koordinator", "/api/cases/" + caseId + "/efforts/" + effortId, Map.of("startedOn", Route.today().toString()));
        browser.navigate().refresh();
        waitFor("Ingen alarmer.");
        // The alarm list is empty; the journey keeps the story (raised, then cleared).
        assertThat(browser.findElements(By.cssSelector("ul.alarms li"))).isEmpty();
        assertThat(browser.getPageSource()).contains("Ingen alarmer.").contains("Alarm ophørt: Venter på indsats");
        screenshot("case-alarm-cleared.png");

        // The youth team's meeting: the case is on the agenda, and the page passes axe too.
        logInAs("ungeteam");
        open("/ungeteam");
        waitFor("Viktor Browser");
        assertThat(seriousAccessibilityProblems()).as("youth-team agenda").isEmpty();
        screenshot("youth-team-agenda.png");
        WebElement agendaItem = browser.findElement(By.xpath("//article[.//*[contains(text(), 'Viktor Browser')]]"));
        agendaItem.findElement(By.cssSelector("input[name=outcome][value=INTERDISCIPLINARY]")).click();
        agendaItem.findElement(By.cssSelector("button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> route.caseFile(caseId).stage() == Stage.NETWORK_MEETING);
        // htmx swapped only the agenda: the decided case is gone from it, and the focus is on the message.
        waitFor("Resultatet er registreret");
        assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("swap-status");
        assertThat(browser.findElement(By.id("agenda")).getText()).doesNotContain("Viktor Browser");

        // The coordinator calls the network meeting: an invitation with a calendar event to everyone with e-mail.
        logInAs("koordinator");
        open("/sager/" + caseId);
        browser.findElement(By.linkText("Indkald til netværksmøde")).click();
        waitFor("Send indkaldelsen");
        assertThat(seriousAccessibilityProblems()).as("invitation form").isEmpty();
        setValue("date", Route.today().plusDays(3).toString());
        setValue("start", "10:00");
        setValue("end", "11:30");
        browser.findElement(By.id("location")).sendKeys("Jobcentret, mødelokale 2");
        browser.findElement(By.id("email0")).sendKeys("viktor@example.dk");
        // Psychiatry's row (every department involved since the consent has one), by its hidden department field.
        String psychiatry = browser.findElement(By.cssSelector("input[type=hidden][value=PSYCHIATRY]")).getAttribute("name").substring("department".length());
        browser.findElement(By.id("email" + psychiatry)).sendKeys("ikke-en-adresse");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor("Indkaldelsen er ikke sendt");
        assertThat(browser.findElement(By.id("email" + psychiatry)).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("email" + psychiatry)).getAttribute("value")).isEqualTo("ikke-en-adresse");
        assertThat(seriousAccessibilityProblems()).as("invitation form with errors").isEmpty();
        browser.findElement(By.id("email" + psychiatry)).clear();
        browser.findElement(By.id("email" + psychiatry)).sendKeys("psykiatri@region.example.dk");
        assertThat(browser.findElement(By.id("err-name" + psychiatry)).getText()).isEqualTo("Skriv deltagerens navn.");
        browser.findElement(By.id("name" + psychiatry)).sendKeys("Pia Psykiatri");
        screenshot("invitation.png");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor("Indkaldelsen er sendt");
        assertThat(browser.getPageSource()).contains("Indkaldt til ").contains("mødelokale 2");

        // The inbox: take the meeting task (htmx swaps the lists; focus goes to the message) and hold the meeting.
        open("/indbakke?taskKey=networkMeeting");
        WebElement row = browser.findElement(By.xpath("//div[@id='lists']//tr[.//a[text()='Viktor Browser']]"));
        row.findElement(By.cssSelector("button")).click();
        waitFor("Opgaven er nu din");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("inbox-status");
        assertThat(browser.getCurrentUrl()).contains("taskKey=networkMeeting");
        assertThat(seriousAccessibilityProblems()).as("inbox after claiming").isEmpty();
        browser.findElement(By.xpath("//table[@id='mine-tasks']//tr[.//a[text()='Viktor Browser']]//a[text()='Hold netværksmøde']")).click();
        waitFor("Afslut opgaven");
        assertThat(seriousAccessibilityProblems()).as("network meeting form").isEmpty();
        setValue("heldOn", Route.today().toString());
        // Who was invited is already ticked: the citizen and psychiatry.
        assertThat(browser.getPageSource()).contains("Udfyldt fra indkaldelsen");
        assertThat(browser.findElement(By.cssSelector("input[name=participantCitizen]")).isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector("input[name=participantDepartments][value=PSYCHIATRY]")).isSelected()).isTrue();
        // The citizen's plan: a goal in Viktor's words, measured on daily structure, a sub-goal, the agreement under it.
        browser.findElement(By.id("goals[0].text")).sendKeys("Jeg vil have en fast døgnrytme");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("goals[0].dimension"))).selectByValue("DAILY_STRUCTURE");
        browser.findElement(By.id("goals[0].subGoals[0].text")).sendKeys("Stå op kl. 8 på hverdage");
        browser.findElement(By.id("goals[1].text")).sendKeys("Jeg vil i gang med en uddannelse");
        browser.findElement(By.id("goals[1].subGoals[0].text")).sendKeys("Vide, hvilken uddannelse der passer");
        browser.findElement(By.id("agreements[0].text")).sendKeys("Book samtale om uddannelse");
        browser.findElement(By.id("agreements[0].owner")).sendKeys("Psykiatrien");
        setValue("agreements[0].due", Route.today().plusDays(7).toString());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("agreements[0].subGoal"))).selectByValue("new:1.0");
        browser.findElement(By.id("agreements[1].text")).sendKeys("Vækkeur og morgenrutine med bostøtten");
        browser.findElement(By.id("agreements[1].owner")).sendKeys("Bostøtten");
        setValue("agreements[1].due", Route.today().plusDays(14).toString());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("agreements[1].subGoal"))).selectByValue("new:0.0");
        browser.findElement(By.cssSelector("input[name=nextStep][value=INTERNSHIP]")).click();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor("Referat (PDF)");
        assertThat(browser.getPageSource()).contains("Book samtale om uddannelse").contains("sendt til 2 deltagere");
        assertPlanShown();
        assertThat(seriousAccessibilityProblems()).as("case page with the plan").isEmpty();
        // One plan: UU takes part and is covered by consent, and sees the same plan on the same page.
        assertThat(api.get("uu", "/api/cases/" + caseId + "/plan").body()).isEqualTo(api.get("koordinator", "/api/cases/" + caseId + "/plan").body());
        logInAs("uu");
        open("/sager/" + caseId);
        waitFor("Borgerens plan");
        assertPlanShown();
        assertThat(browser.findElements(By.cssSelector("#plan ~ ol.plan button"))).as("no buttons for what uu may not change").isEmpty();
        assertThat(seriousAccessibilityProblems()).as("the plan as UU sees it").isEmpty();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('plan').scrollIntoView()");
        screenshot("plan-department.png");
        logInAs("koordinator");
        open("/sager/" + caseId);
        waitFor("Referat (PDF)");
        browser.findElement(By.linkText("Send referatet til flere")).click();
        waitFor("Send også referatet til");
        assertThat(browser.getPageSource()).contains("viktor@example.dk");
        assertThat(seriousAccessibilityProblems()).as("sending the minutes to more people").isEmpty();

        open("/post");
        waitFor("Referat af netværksmøde");
        assertThat(seriousAccessibilityProblems()).as("outbox").isEmpty();
        screenshot("outbox.png");
        browser.findElement(By.partialLinkText("Referat af netværksmøde")).click();
        waitFor("referat-netvaerksmoede-");
        assertThat(seriousAccessibilityProblems()).as("one mail").isEmpty();

        // The company consultant finds the internship, holds the kick-off, the mid-way review and the evaluation.
        logInAs("virksomhed");
        LocalDate startsOn = Route.today().plusDays(7);
        completeFromCasePage(caseId, "Find praktikplads", () -> {
            browser.findElement(By.id("company")).sendKeys("Bageriet ApS");
            setValue("startsOn", startsOn.toString());
            setValue("endsOn", startsOn.plusDays(56).toString());
        });
        Route.today(startsOn);   // the kick-off is recorded on the day it is held
        completeFromCasePage(caseId, "Opstartsmøde i virksomheden", () -> setValue("heldOn", startsOn.toString()));
        route.fireTimer(caseId, "Timer_MidwayReview");
        completeFromCasePage(caseId, "Midtvejsopfølgning", () -> {
            setValue("heldOn", Route.today().toString());
            browser.findElement(By.id("note")).sendKeys("Møder stabilt, trives med kollegerne");
        });
        // An alarm appears: the agreement from the network meeting is past its deadline and not done.
        assertThat(browser.findElements(By.cssSelector("ul.alarms li"))).anySatisfy(alarm ->
                assertThat(alarm.getText()).contains("Aftalen »Book samtale om uddannelse«").contains("over fristen"));
        screenshot("case-agreement-overdue.png");
        // ... and clears when the agreement is marked done on the case page.
        browser.findElement(By.cssSelector("button[aria-label='Markér som opfyldt: aftalen »Book samtale om uddannelse«']")).click();
        waitFor("Alarm ophørt: Aftale over fristen");
        assertThat(browser.findElements(By.cssSelector("ul.alarms li"))).noneSatisfy(alarm ->
                assertThat(alarm.getText()).contains("Book samtale om uddannelse"));
        route.fireTimer(caseId, "Timer_InternshipEnds");
        completeFromCasePage(caseId, "Evaluér praktikken", () -> {
            browser.findElement(By.cssSelector("input[name=result][value=JOB]")).click();
            browser.findElement(By.id("hoursPerWeek")).sendKeys("30");
        });
        assertThat(route.caseFile(caseId).stage()).isEqualTo(Stage.FOLLOW_UP);

        // The follow-up: progression scored, the case closed with a job.
        route.fireTimer(caseId, "Timer_FollowUpDue");
        logInAs("koordinator");
        completeFromCasePage(caseId, "Opfølgning", () -> {
            for (String area : List.of("DAILY_STRUCTURE", "HEALTH", "SOCIAL_NETWORK", "MOTIVATION", "WORK_READINESS")) {
                browser.findElement(By.id("progression." + area)).sendKeys("7");
            }
            // The plan revised: the sub-goal of getting up is reached.
            WebElement subGoal = browser.findElement(By.xpath("//label[contains(., 'Delmålet »Stå op kl. 8 på hverdage«')]"));
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id(subGoal.getAttribute("for")))).selectByValue("ACHIEVED");
            browser.findElement(By.cssSelector("input[name=outcome][value=CLOSE]")).click();
            browser.findElement(By.cssSelector("input[name=closeReason][value=JOB]")).click();
        });
        waitFor("Afsluttet");
        assertThat(route.caseFile(caseId).outcome()).isPresent();
        // Closed: no alarms left, the journey tells the whole story, the progression is scored.
        assertThat(browser.findElements(By.cssSelector("ul.alarms li"))).isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Afsluttet").contains("Ingen alarmer.")
                .contains("Alarm ophørt: Aftale over fristen").contains("Sagen er afsluttet: Job").contains("Daglig struktur 7")
                .contains("Delmålet er nået: Stå op kl. 8 på hverdage");
        // The progression stands against the goal it measures.
        WebElement goal = browser.findElement(By.xpath("//ol[contains(@class,'plan')]/li[contains(., 'Jeg vil have en fast døgnrytme')]"));
        assertThat(goal.findElement(By.cssSelector(".goal-measure")).getText()).startsWith("Måles på Daglig struktur:").endsWith(": 7");
        assertThat(goal.findElement(By.xpath(".//li[contains(., 'Stå op kl. 8')]")).getText()).contains("Nået");
        assertThat(seriousAccessibilityProblems()).as("closed case").isEmpty();
        screenshot("case-closed.png");

        // The rest of the pages pass axe too: the front page, the English inbox, the audit trail.
        open("/");
        assertThat(seriousAccessibilityProblems()).as("front page").isEmpty();
        open("/indbakke?lang=en");
        waitFor("My tasks");
        assertThat(seriousAccessibilityProblems()).as("English inbox").isEmpty();
        open("/indbakke?lang=da");
        open("/sager/findes-ikke");
        waitFor("Findes ikke");
        assertThat(seriousAccessibilityProblems()).as("not found page").isEmpty();
        logInAs("admin");
        open("/admin/audit");
        waitFor("Revisionsspor");
        assertThat(seriousAccessibilityProblems()).as("audit trail").isEmpty();
    }

    /** Viktor's plan on the case page: the goals, and each agreement under the sub-goal it serves. */
    private void assertPlanShown() {
        WebElement rhythm = browser.findElement(By.xpath("//ol[contains(@class,'plan')]/li[contains(., 'Jeg vil have en fast døgnrytme')]"));
        assertThat(rhythm.getText()).contains("Måles på Daglig struktur").contains("Stå op kl. 8 på hverdage")
                .contains("Vækkeur og morgenrutine med bostøtten");
        WebElement education = browser.findElement(By.xpath("//ol[contains(@class,'plan')]/li[contains(., 'Jeg vil i gang med en uddannelse')]"));
        assertThat(education.findElement(By.cssSelector("ol.sub-goals li")).getText()).contains("Vide, hvilken uddannelse der passer")
                .contains("Book samtale om uddannelse");
    }

    private long sidewaysScroll() {
        return page().sidewaysScroll();
    }

    private void logInAs(String user) {
        page().logInAs(user);
    }

    private void setValue(String id, String value) {
        page().setValue(id, value);
    }

    /** Opens the case, follows its active task, checks the form with axe, fills it in and completes it. */
    private void completeFromCasePage(String caseId, String taskName, Runnable fillIn) {
        open("/sager/" + caseId);
        browser.findElement(By.linkText(taskName)).click();
        waitFor("Afslut opgaven");
        assertThat(seriousAccessibilityProblems()).as(taskName).isEmpty();
        fillIn.run();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().endsWith("/sager/" + caseId));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(taskName + " was not completed:\n" + browser.findElement(By.tagName("main")).getText(), e);
        }
    }

    /** A department's counsellor logs in, finds "Mine sager" from the front page and sees the case shared with UU, at laptop and phone width. */
    @Test
    void aDepartmentUserFindsTheCasesSharedWithThemUnderMineSager() throws IOException {
        Map<String, Object> referral = Map.of("externalRef", "BROWSER-UU-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(20), "name", "Ulla Delt"),
                "referredBy", "JOBCENTER", "referralDate", Route.today().toString(), "flags", List.of("NO_EDUCATION"));
        String caseId = api.post("koordinator", "/api/cases", referral).body().get("id").asText();
        api.post("koordinator", "/api/cases/" + caseId + "/departments/UU", Map.of("decision", "INVOLVE"));
        api.post("koordinator", "/api/cases/" + caseId + "/consents",
                Map.of("givenBy", "CITIZEN", "departments", List.of("UU"), "givenOn", Route.today().toString()));

        page().logInAs("uu");
        open("/");
        browser.findElement(org.openqa.selenium.By.linkText("Se de sager, du må se (Mine sager)")).click();
        waitFor("Ulla Delt");
        assertThat(browser.getCurrentUrl()).endsWith("/sager");
        assertThat(seriousAccessibilityProblems()).as("Mine sager").isEmpty();
        screenshot("cases-department.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("/sager");
            waitFor("Ulla Delt");
            assertThat(seriousAccessibilityProblems()).as("Mine sager on a phone").isEmpty();
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
        browser.findElement(org.openqa.selenium.By.linkText("Ulla Delt")).click();
        waitFor("Ulla Delt");
        assertThat(browser.getCurrentUrl()).endsWith("/sager/" + caseId);
    }

    /**
     * Each persona's pages at a phone's, a tablet's and a laptop's width: none scrolls sideways (WCAG 1.4.10), axe finds
     * nothing serious, and the route's diagram keeps its text readable (it scrolls in its own region instead).
     */
    @Test
    void everyPersonasPagesWorkFromPhoneToLaptop() throws IOException {
        String viktor = api.post("koordinator", "/api/cases", Map.of("externalRef", "BROWSER-W-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(19), "name", "Bredde Viktor"), "referredBy", "JOBCENTER",
                "referralDate", Route.today().toString(), "flags", List.of("MENTAL_HEALTH", "NO_EDUCATION", "SOCIAL_ISOLATION")))
                .body().get("id").asText();
        api.post("koordinator", "/api/cases/" + viktor + "/efforts",
                Map.of("type", "PSYCHOLOGIST", "department", "HEALTH", "requestedOn", Route.today().minusDays(152).toString()));
        String consent = api.get("koordinator", "/api/tasks?caseId=" + viktor + "&taskKey=registerConsent").body().get(0).get("id").asText();
        assertThat(api.post("koordinator", "/api/tasks/" + consent + "/complete", Map.of("consentGiven", true, "givenBy", "CITIZEN",
                "departments", List.of("UU", "HEALTH", "PSYCHIATRY", "SOCIAL"), "givenOn", Route.today().toString(), "involve", true))
                .status()).isEqualTo(204);
        String sparring = api.get("ungeteam", "/api/tasks?caseId=" + viktor + "&taskKey=youthTeamSparring").body().get(0).get("id").asText();
        String anna = api.post("koordinator", "/api/cases", Map.of("externalRef", "BROWSER-W-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(24), "name", "Bredde Anna"), "referredBy", "JOBCENTER",
                "referralDate", Route.today().toString(), "flags", List.of("HOUSING", "DEBT"))).body().get("id").asText();
        String annasConsent = api.get("koordinator", "/api/tasks?caseId=" + anna + "&taskKey=registerConsent").body().get(0).get("id").asText();

        Map<String, List<String>> pages = new java.util.LinkedHashMap<>();
        pages.put("koordinator", List.of("/", "/indbakke", "/sager", "/sager/" + viktor, "/opgaver/" + annasConsent));
        pages.put("ungeteam", List.of("/", "/indbakke", "/ungeteam", "/sager/" + viktor, "/opgaver/" + sparring));
        pages.put("virksomhed", List.of("/", "/indbakke", "/sager", "/sager/" + viktor));
        pages.put("uu", List.of("/", "/sager", "/sager/" + viktor));
        try {
            for (var persona : pages.entrySet()) {
                logInAs(persona.getKey());
                for (int width : new int[] {390, 768, 1280}) {
                    browser.manage().window().setSize(new Dimension(width, width < 1000 ? 900 : 1000));
                    for (String path : persona.getValue()) {
                        String where = persona.getKey() + " at " + width + " px on " + path;
                        open(path);
                        waitFor("</main>");
                        if (path.equals("/sager/" + viktor)) {
                            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                                    .until(d -> "true".equals(d.findElement(By.id("route-diagram")).getAttribute("data-rendered")));
                            double textPx = ((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                                    "var t = document.querySelector('#route-diagram .djs-element text');"
                                    + "return parseFloat(getComputedStyle(t).fontSize) * t.getCTM().a;")).doubleValue();
                            assertThat(textPx).as("the diagram's text, " + where).isGreaterThanOrEqualTo(width < 1000 ? 10.0 : 9.0);
                            if (width == 390 && persona.getKey().equals("koordinator")) {
                                screenshot("case-phone.png");
                            }
                        }
                        if (width == 390 && persona.getKey().equals("koordinator") && path.equals("/indbakke")) {
                            screenshot("inbox-phone.png");
                        }
                        assertThat(sidewaysScroll()).as("sideways scroll, " + where).isLessThanOrEqualTo(0L);
                        assertThat(seriousAccessibilityProblems()).as(where).isEmpty();
                    }
                }
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    /** The inbox's keyboard shortcuts do what the page's list says, and stop when turned off. */
    @Test
    void theInboxsKeyboardShortcutsMoveOpenAndCanBeTurnedOff() {
        for (int i = 0; i < 2; i++) {
            api.post("koordinator", "/api/cases", Map.of("externalRef", "BROWSER-K-" + System.nanoTime(),
                    "citizen", Map.of("cpr", Route.cprForAge(22), "name", "Genvej " + i), "referredBy", "JOBCENTER",
                    "referralDate", Route.today().toString(), "flags", List.of("DEBT")));
        }
        page().logInAs("koordinator");
        open("/indbakke");
        waitFor("Tastaturgenveje");
        var keys = new org.openqa.selenium.interactions.Actions(browser);
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        keys.sendKeys("j").perform();
        String first = (String) js.executeScript("return document.activeElement.getAttribute('href');");
        assertThat(first).startsWith("/opgaver/");
        keys.sendKeys("j").perform();
        String second = (String) js.executeScript("return document.activeElement.getAttribute('href');");
        assertThat(second).startsWith("/opgaver/").isNotEqualTo(first);
        assertThat(browser.findElements(By.cssSelector("tr.shortcut-focus"))).hasSize(1);
        keys.sendKeys("k").perform();
        assertThat((String) js.executeScript("return document.activeElement.getAttribute('href');")).isEqualTo(first);
        keys.sendKeys("/").perform();
        assertThat((String) js.executeScript("return document.activeElement.id;")).isEqualTo("taskKey");
        // Typing in a field is typing, not a shortcut.
        js.executeScript("document.activeElement.blur();");
        keys.sendKeys("?").perform();
        assertThat(browser.findElement(By.id("shortcuts")).getAttribute("open")).isNotNull();
        keys.sendKeys("j").perform();
        keys.sendKeys("c").perform();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/sager/"));

        open("/indbakke");
        waitFor("Tastaturgenveje");
        browser.findElement(By.cssSelector("#shortcuts summary")).click();
        browser.findElement(By.id("shortcuts-on")).click();
        js.executeScript("document.activeElement.blur();");
        keys.sendKeys("j").perform();
        assertThat((String) js.executeScript("return document.activeElement.tagName;")).isEqualTo("BODY");
        // Remembered in the browser: still off on the next visit, until turned on again.
        open("/indbakke");
        waitFor("Tastaturgenveje");
        assertThat(browser.findElement(By.id("shortcuts-on")).isSelected()).isFalse();
        js.executeScript("window.localStorage.removeItem('tvaers.shortcuts');");
        assertThat(seriousAccessibilityProblems()).as("inbox with shortcuts").isEmpty();
    }
}
