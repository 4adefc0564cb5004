package dk.tvaers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Flag;
import dk.tvaers.inbox.TaskForm;
import dk.tvaers.route.RouteDeployer;
import dk.tvaers.support.Batches;
import dk.tvaers.support.MentorStep;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process owner's path in a real browser, as the process owners' guide shows it: a version with a
 * script task refused by the file with its element; the route with "Samtale med mentor" checked, its
 * changes coloured on the diagram, deployed; a coordinator working the new step through its generic
 * form; and the version's diagram with where cases wait. axe-core checks every page; screenshots go to
 * docs/screenshots for docs/process-owners.md.
 */
@TvaersTest
@Tag("browser")
class ProcessOwnerBrowserTests {

    private static WebDriver driver;

    @LocalServerPort int port;
    @Autowired Route route;
    @Autowired RouteDeployer deployer;
    @Autowired RepositoryService repository;
    @Autowired org.camunda.bpm.engine.ManagementService management;

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

    @AfterEach
    void theShippedRouteServesNewCasesAgain() {
        deployer.deploy(Map.of(MentorStep.FILE, MentorStep.shipped().getBytes(StandardCharsets.UTF_8)));
    }

    private void rendered(String selector) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(selector + "[data-rendered]")).isEmpty());
        assertThat(driver.findElement(By.cssSelector(selector)).getAttribute("data-rendered")).isEqualTo("true");
    }

    private void upload(Path file, String comment) {
        driver.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("comment")).sendKeys(comment);
        driver.findElement(By.cssSelector("form[action$='/processer/kontrol'] button[type=submit]")).click();
    }

    @Test
    void aProcessOwnerAddsAStepSeesARefusalDeploysAndSeesWhereCasesWait() throws IOException {
        Browser page = Browser.on(driver, port);
        Path folder = Files.createTempDirectory("process-owner");
        page.logInAs("procesejer");
        assertThat(driver.findElement(By.linkText("Processer")).isDisplayed()).isTrue();
        page.open("/processer");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Processer");
        assertThat(driver.getPageSource()).contains("Koordineret forløb (CaseRouteProcess)").doesNotContainPattern("\\b\\d{6}-?\\d{4}\\b");
        assertThat(page.seriousAccessibilityProblems()).as("processes page").isEmpty();
        page.screenshot("processes.png");

        // A version with a script task is refused by the file, and nothing is deployed.
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey("CaseRouteProcess").count();
        Path faulty = folder.resolve(MentorStep.FILE);
        Files.writeString(faulty, MentorStep.route().replace("<bpmn:userTask id=\"mentorTalk\"",
                "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>\n    <bpmn:userTask id=\"mentorTalk\""));
        upload(faulty, "Samtale med mentor");
        page.waitFor("Intet er deployet");
        assertThat(driver.findElement(By.cssSelector("ul.problems")).getText())
                .contains("CaseRouteProcess.bpmn, linje").contains("element Task_Script: scriptopgaver er ikke tilladt");
        assertThat(driver.findElement(By.id("comment")).getAttribute("value")).isEqualTo("Samtale med mentor");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("CaseRouteProcess").count()).isEqualTo(versions);
        assertThat(page.seriousAccessibilityProblems()).as("refusal").isEmpty();
        page.screenshot("processes-refused.png");

        // A case already running on the shipped version, to move onto the new one.
        String waiting = route.refer("Venter Browser", 24, Flag.SOCIAL_ISOLATION).id();
        String shippedVersion = repository.createProcessDefinitionQuery().processDefinitionKey("CaseRouteProcess").latestVersion().singleResult().getId();

        Path good = folder.resolve("good").resolve(MentorStep.FILE);
        Files.createDirectories(good.getParent());
        Files.writeString(good, MentorStep.route());
        // The guide's example: the shipped route with the step added, as a process owner saves it from Camunda Modeler.
        Files.createDirectories(Path.of("docs/examples"));
        Files.writeString(Path.of("docs/examples", "CaseRouteProcess-med-mentor.bpmn"), MentorStep.route());
        driver.findElement(By.id("comment")).clear();
        upload(good, "Samtale med mentor efter samtykket");
        page.waitFor("det ændrer den nye version");
        assertThat(driver.findElement(By.cssSelector("dl.changes")).getText()).contains("Flow_MentorTalkHeld, mentorTalk")
                .contains("SequenceFlow_ConsentGiven, youthTeamSparring");
        rendered(".process-diagram");
        assertThat(driver.findElements(By.cssSelector(".process-diagram .diff-added"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".process-diagram .diff-changed"))).isNotEmpty();
        assertThat(page.seriousAccessibilityProblems()).as("preview").isEmpty();
        page.screenshot("processes-preview.png");
        driver.findElement(By.xpath("//button[normalize-space()='Deploy den nye version']")).click();
        page.waitFor("er deployet");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("CaseRouteProcess").count()).isEqualTo(versions + 1);
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("CaseRouteProcess").latestVersion().singleResult().getId();
        assertThat(driver.getPageSource()).contains("procesejer");

        // A coordinator works the new step through its form.
        String caseId = route.refer("Mentor Browser", 23, Flag.SOCIAL_ISOLATION).id();
        route.complete(caseId, "koordinator", new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, Set.of(Department.SOCIAL), Route.today()));
        String taskId = route.task(caseId, MentorStep.TASK_KEY).getId();
        page.logInAs("koordinator");
        page.open("/opgaver/" + taskId);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Samtale med mentor");
        driver.findElement(By.cssSelector("form[action*='/opgaver/'] button[type=submit]")).click();
        page.waitFor("Skal udfyldes");
        assertThat(page.seriousAccessibilityProblems()).as("generic form with errors").isEmpty();
        driver.findElement(By.id("topic")).sendKeys("Mentorens rolle i praktikken");
        driver.findElement(By.cssSelector("input[name=talkForm][value=PHONE]")).click();
        page.setValue("talkHeldOn", Route.today().toString());
        driver.findElement(By.cssSelector("input[name=mentorFound][value=true]")).click();
        driver.findElement(By.id("mentorHours")).sendKeys("6");
        page.screenshot("generic-form.png");
        driver.findElement(By.cssSelector("form[action*='/opgaver/'] button[type=submit]")).click();
        page.waitFor("Afsluttet: Samtale med mentor");
        assertThat(route.task(caseId, "youthTeamSparring")).isNotNull();

        page.logInAs("procesejer");
        page.open("/processer/" + definitionId);
        rendered("#process-diagram");
        assertThat(driver.findElement(By.cssSelector("table.steps")).getText()).contains("Samtale med mentor").contains("Sparring i ungeteamet");
        assertThat(driver.findElement(By.cssSelector("ol.slowest")).getText()).contains("Samtale med mentor");
        assertThat(driver.findElements(By.cssSelector("#process-diagram .heat-badge"))).isNotEmpty();
        assertThat(driver.getPageSource()).doesNotContain("Mentor Browser").doesNotContain(caseId);
        assertThat(page.seriousAccessibilityProblems()).as("heatmap").isEmpty();
        page.screenshot("processes-heatmap.png");

        page.open("/processer/" + definitionId + "?from=2026-06-01&to=2026-01-01");
        page.waitFor("Slutdatoen kan ikke ligge før startdatoen");

        // Move the case still on the shipped version onto the new one.
        page.open("/processer/" + shippedVersion);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("target"))).selectByValue(definitionId);
        driver.findElement(By.xpath("//button[normalize-space()='Vis planen og prøvekørslen']")).click();
        page.waitFor("Planen");
        assertThat(driver.findElement(By.cssSelector("table.mappings")).getText()).contains("registerConsent");
        assertThat(driver.getPageSource()).doesNotContain("Venter Browser");
        assertThat(page.seriousAccessibilityProblems()).as("migration plan").isEmpty();
        page.screenshot("processes-migrate.png");
        driver.findElement(By.cssSelector("form[action$='/flyt'] button[type=submit]")).click();
        page.waitFor("Flytningen er i gang");
        Batches.run(management);
        driver.navigate().refresh();
        page.waitFor("Flytningen er færdig");
        assertThat(page.seriousAccessibilityProblems()).as("migration").isEmpty();
        page.screenshot("processes-migration.png");
        assertThat(route.routeOf(waiting).getProcessDefinitionId()).isEqualTo(definitionId);
    }
}
