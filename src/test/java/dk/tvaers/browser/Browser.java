package dk.tvaers.browser;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium for the browser tests, with axe-core, screenshots and logging in. */
final class Browser {

    final WebDriver driver;
    private final int port;

    private Browser(WebDriver driver, int port) {
        this.driver = driver;
        this.port = port;
    }

    static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=da-DK");
        // Chromium on Linux takes its interface language (and so the date fields' dd.mm.åååå) from
        // LANGUAGE, not from --lang; it needs Debian's chromium-l10n for Danish, else it stays English.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .withEnvironment(Map.of("LANGUAGE", "da")).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    static Browser on(WebDriver driver, int port) {
        return new Browser(driver, port);
    }

    void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private static final List<String> LABEL_IN_NAME = List.of("label-content-name-mismatch");

    /** axe-core's serious and critical WCAG 2.1 AA violations on the page shown. */
    List<String> seriousAccessibilityProblems() {
        List<Rule> violations = new ArrayList<>(new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver).getViolations());
        // WCAG 2.5.3 (label in name) is still "experimental" in this axe, so a run by tags skips it; newer axe (and
        // the browser extension people check pages with) reports it as serious. Ask for it by name.
        violations.addAll(new AxeBuilder().withOnlyRules(LABEL_IN_NAME).analyze(driver).getViolations());
        List<String> problems = new ArrayList<>();
        for (Rule violation : violations) {
            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                problems.add(violation.getId() + ": " + violation.getHelp() + " (" + violation.getNodes().size() + " steder)");
            }
        }
        return problems;
    }

    /** Waits for the page to show a text (a click's navigation takes its time). */
    void waitFor(String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getPageSource().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("'" + text + "' did not appear on " + driver.getCurrentUrl() + ":\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("docs/screenshots"));
        Files.copy(shot, Path.of("docs/screenshots", name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** How far the page can scroll sideways (0: it reflows to the window). */
    long sidewaysScroll() {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    void logInAs(String user) {
        List<WebElement> logout = driver.findElements(By.cssSelector("header form button[type=submit]"));
        if (!logout.isEmpty()) {
            logout.get(0).click();
            waitFor("Du er logget ud");
        }
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor("Logget ind som " + user);
    }

    /** Sets a field's value as a date or time picker would (their typing depends on the browser's locale). */
    void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }
}
