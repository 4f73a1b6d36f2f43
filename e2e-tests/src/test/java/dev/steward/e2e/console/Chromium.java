package dev.steward.e2e.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (nothing downloaded: the paths are
 * given, so Selenium Manager is never asked), with a fresh profile and every background network
 * feature off. Screenshots go to e2e-tests/target/screenshots.
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of(System.getProperty("steward.root", ".."), "e2e-tests/target/screenshots");
    static final String BINARY = System.getProperty("steward.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("steward.chromedriver", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    Chromium() {
        if (!Files.isExecutable(Path.of(BINARY)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("The console's browser tests need Debian's Chromium and its driver at " + BINARY
                    + " and " + DRIVER + ": apt-get install -y chromium chromium-driver (.ci/run does this when they are missing)");
        }
        try {
            profile = Files.createTempDirectory("steward-chromium-");
            downloads = Files.createDirectories(profile.resolve("downloads"));
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile.resolve("profile"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Opens the console and signs in on Keycloak's own page; returns once back on the console. */
    Chromium signIn(String console, String user, String password) {
        driver.get(console + "/");
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        await().until(d -> d.getCurrentUrl().startsWith(console));
        await().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        return this;
    }

    WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    WebElement find(String css) {
        return await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String h1() {
        return find("h1").getText();
    }

    /** Sets an input's value as a person would type it (date inputs take their ISO value this way in every locale). */
    void set(String id, String value) {
        driver.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value);
    }

    void select(String id, String value) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    /** Saves the whole page: the viewport is stretched to the page's height for the shot (DevTools' device metrics). */
    void screenshot(String name) {
        long height = ((Number) driver.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight, 700)")).longValue();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", Math.min(height, 6000),
                "deviceScaleFactor", 1, "mobile", false));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
