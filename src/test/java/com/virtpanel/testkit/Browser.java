package com.virtpanel.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver: nothing is downloaded. Wraps
 * the few moves the panel's browser tests need, with waits suited to shared machines.
 */
public final class Browser implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(120);
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(String baseUrl) {
        for (String file : new String[] {CHROMIUM, DRIVER}) {
            if (!new File(file).canExecute()) {
                throw new IllegalStateException(file + " is missing: install Debian's chromium and chromium-driver "
                        + "(./panel test does it)");
            }
        }
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("vp-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,1000", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    public static Browser open(int port) {
        return new Browser("http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(baseUrl + (path.startsWith("/") ? path : "/" + path));
        waitForVaadin();
        return this;
    }

    /** Signs in through the real login form. */
    public Browser signIn(String email, String password) {
        go("/login");
        WebElement form = waitFor(By.tagName("vaadin-login-form"));
        WebElement user = waitFor(d -> form.findElement(By.cssSelector("input[name='username']")));
        user.sendKeys(email);
        form.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        form.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-button")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
        waitForVaadin();
        return this;
    }

    public WebElement waitFor(By by) {
        return waitFor(d -> d.findElement(by));
    }

    public WebElement byId(String id) {
        return waitFor(By.id(id));
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(WAIT, condition);
    }

    /** Waits up to {@code timeout}; Vaadin re-renders elements, so a vanished or replaced element just means "look again". */
    public <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    public void click(String id) {
        click(By.id(id));
    }

    /**
     * Clicks once the element is shown and enabled, centred in the window first. A click that
     * lands on something passing over it (a notification, a closing overlay) is tried again.
     */
    public void click(By locator) {
        click(d -> d.findElement(locator));
    }

    /** As {@link #click(By)}, on this very element (it fails if the page has replaced it since). */
    public void click(WebElement element) {
        click(d -> element);
    }

    private void click(Function<WebDriver, WebElement> find) {
        waitFor(d -> {
            WebElement element = find.apply(d);
            if (!element.isDisplayed() || element.getAttribute("disabled") != null) {
                return null;
            }
            script("arguments[0].scrollIntoView({block: 'center'})", element);
            try {
                element.click();
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                return null;
            }
            return true;
        });
        waitForVaadin();
    }

    /** Types into a Vaadin text field (its inner input), replacing what is there. */
    public void type(String id, String text) {
        WebElement field = byId(id);
        WebElement input = waitFor(d -> field.findElement(By.cssSelector("input, textarea")));
        input.clear();
        input.sendKeys(text);
        waitForVaadin();
    }

    public String text(String id) {
        return byId(id).getText();
    }

    /**
     * All the text inside an element, also what is scrolled out of view: a long grid keeps every row
     * in the page but WebDriver's visible text leaves out the rows the window does not show.
     */
    public String allText(String id) {
        return String.valueOf(script("return arguments[0].textContent", byId(id)));
    }

    /** Waits until Vaadin has no pending server round trip. */
    public void waitForVaadin() {
        waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "if (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) return true;"
                        + "return Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());")));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a screenshot under target/screenshots and returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                deleteTree(profile);
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
