package com.virtpanel.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for browser tests. Both the browser and the driver are the
 * machine's own (/usr/bin/chromium, /usr/bin/chromedriver): Selenium Manager is never asked
 * to download anything. Each instance has a fresh profile, removed on close.
 *
 * <pre>
 * try (Browser browser = Browser.start(port)) {
 *     browser.signIn(email, password);
 *     browser.open("/servers");
 *     browser.screenshot("servers");
 * }
 * </pre>
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** A browser for the panel listening on this local port. */
    public static Browser start(int port) {
        return start("http://localhost:" + port);
    }

    public static Browser start(String baseUrl) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            Path profile = Files.createTempDirectory("vp-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Opens a path of the panel, e.g. "/servers/3". */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in through the login page (Vaadin LoginForm) and waits until it is left. */
    public void signIn(String email, String password) {
        open("/login");
        type(By.cssSelector("vaadin-login-form input[name='username']"), email);
        type(By.cssSelector("vaadin-login-form input[name='password']"), password);
        find(By.cssSelector("vaadin-login-form vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();
        until(d -> !d.getCurrentUrl().contains("/login"), "leaving the login page");
        waitForVaadin();
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void type(By by, String text) {
        WebElement field = visible(by);
        field.clear();
        field.sendKeys(text);
    }

    public void until(java.util.function.Function<WebDriver, Boolean> condition, String what) {
        new WebDriverWait(driver, WAIT).withMessage(what).until(condition::apply);
    }

    public void until(java.util.function.Function<WebDriver, Boolean> condition, String what, Duration timeout) {
        new WebDriverWait(driver, timeout).withMessage(what).until(condition::apply);
    }

    /** Waits until Vaadin has no request to the server in flight. */
    public void waitForVaadin() {
        until(d -> Boolean.TRUE.equals(js("return !!window.Vaadin && !!window.Vaadin.Flow && "
                + "Object.values(window.Vaadin.Flow.clients || {}).every(c => !c.isActive || !c.isActive())")),
                "Vaadin to settle");
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Switches to the tab opened last (links with target=_blank). */
    public void switchToNewestTab() {
        until(d -> d.getWindowHandles().size() > 1, "a new tab");
        String newest = null;
        for (String handle : driver.getWindowHandles()) {
            newest = handle;
        }
        driver.switchTo().window(newest);
    }

    /** Saves a PNG of the page to target/screenshots/{name}.png and returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
