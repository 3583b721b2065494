package com.etitle.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromedriver} with Selenium as a person uses the
 * pages: typing, clicking, pressing keys, reading what is shown. Both programs are found on the PATH and named to
 * Selenium explicitly, so Selenium Manager never runs and nothing is downloaded; a missing one fails the test, because
 * a skipped check checks nothing. The browser prefers Chinese, as most of the pages' users do. {@link Browser} beside
 * it runs chromium once per page without a driver, for pages that need only their script run.
 */
public final class RealBrowser implements AutoCloseable {

    /** The two screens every page is looked at on: a desktop window and a phone (emulated, so the viewport meta counts). */
    public enum Screen {
        DESKTOP(1280, 900), PHONE(390, 844);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    /** Where screenshots land; their names are the test's words for the page and state. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String base;
    private final Screen screen;

    private RealBrowser(ChromeDriver driver, String base, Screen screen) {
        this.driver = driver;
        this.base = base;
        this.screen = screen;
    }

    /** A new browser (its own empty profile) on this screen, for the service at {@code base}. */
    public static RealBrowser open(String base, Screen screen) {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(onPath("chromedriver", "chromium-driver"))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(onPath("chromium", "chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--hide-scrollbars", "--force-color-profile=srgb", "--lang=zh-CN", "--accept-lang=zh-CN,zh");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        if (screen == Screen.PHONE) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", screen.width, "height", screen.height, "pixelRatio", 2.0, "touch", true)));
            options.addArguments("--window-size=" + screen.width + "," + screen.height);
        } else {
            options.addArguments("--window-size=" + screen.width + "," + screen.height);
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return new RealBrowser(driver, base, screen);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Screen screen() {
        return screen;
    }

    /** Opens a path of the service (or a whole URL) as if typed into the address bar. */
    public RealBrowser go(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The text a person reads in the element. */
    public String text(String css) {
        return find(css).getText();
    }

    /** Clears the field and types into it, key by key. */
    public RealBrowser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks what the selector finds and waits until the page it leads to has loaded. */
    public RealBrowser clickAndWait(String css) {
        WebElement page = find("html");
        find(css).click();
        return waitForNewPage(page);
    }

    /** Chooses a file from the disk in a file input, as the file dialog does: the input is given the file's absolute path. */
    public RealBrowser choose(String css, Path file) {
        find(css).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Chooses a file in an input whose page script then goes on to another page, and waits until that page has loaded. */
    public RealBrowser chooseAndWait(String css, Path file) {
        WebElement page = find("html");
        choose(css, file);
        return waitForNewPage(page);
    }

    /** The HTTP status the page shown came with, as the browser received it (Navigation Timing's responseStatus). */
    public int status() {
        return ((Number) script("return performance.getEntriesByType('navigation')[0].responseStatus")).intValue();
    }

    /** Presses keys on whatever has the focus, as a keyboard does. */
    public RealBrowser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Presses Enter on the focused element and waits until the page it leads to has loaded. */
    public RealBrowser enterAndWait() {
        WebElement page = find("html");
        press(Keys.ENTER);
        return waitForNewPage(page);
    }

    /** Waits (at most 15 s) until something matching the selector is on the page. */
    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** The language the page says it is in ({@code <html lang>}). */
    public String lang() {
        return find("html").getAttribute("lang");
    }

    public String path() {
        return (String) script("return location.pathname + location.search + location.hash");
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /**
     * The whole page, not only the part in the window, as a PNG under {@code target/screenshots/<name>.png} (Chromium's
     * own capture through the DevTools protocol, which Selenium's screenshot limits to the viewport).
     */
    public Path screenshot(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = new HashMap<>();
        clip.put("x", 0);
        clip.put("y", 0);
        clip.put("width", Math.max(screen.width, ((Number) size.get("width")).doubleValue()));
        clip.put("height", Math.max(1, ((Number) size.get("height")).doubleValue()));
        clip.put("scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }

    private RealBrowser waitForNewPage(WebElement old) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(d -> isGone(old));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether the element's page has been left. While the next page replaces it, chromedriver may answer that the
     * element's node "does not belong to the document" instead of calling it stale; both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static File onPath(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File file = new File(dir, program);
            if (file.isFile() && file.canExecute()) {
                return file;
            }
        }
        throw new AssertionError("cannot find " + program + " on the PATH: the browser tests need Debian's " + debianPackage
                + " (apt-get install " + debianPackage + ")");
    }
}
