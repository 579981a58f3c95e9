package tcpcheck.explorer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver, with everything that would reach the network turned
 * off (this browser must load the explorer and nothing else). Screenshots go to target/explorer-screenshots.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "explorer-screenshots");

    final ChromeDriver driver;
    private final Path profile;

    Browser(int width, int height) throws IOException {
        for (String f : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(f).canExecute()) {
                throw new IllegalStateException(f + " is missing: install Debian's chromium and chromium-driver");
            }
        }
        profile = Files.createTempDirectory("tcpcheck-explorer-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(10));
    }

    /** Waits until the page has rendered step {@code at} after more than {@code renders} renderings. */
    void rendered(int renders, int at) {
        Object done = driver.executeAsyncScript("const [renders, at, done] = arguments;"
                + " const ready = () => Number(document.body.dataset.renders) > renders"
                + "     && document.body.dataset.at === String(at);"
                + " if (ready()) { done(true); return; }"
                + " const o = new MutationObserver(() => { if (ready()) { o.disconnect(); done(true); } });"
                + " o.observe(document.body, { attributes: true });"
                + " setTimeout(() => { o.disconnect(); done(false); }, 20000);", renders, at);
        if (!Boolean.TRUE.equals(done)) {
            throw new AssertionError("the page did not render step " + at + " within 20 s: "
                    + driver.findElement(org.openqa.selenium.By.id("error")).getText());
        }
    }

    int renders() {
        return Integer.parseInt(driver.findElement(By.tagName("body")).getAttribute("data-renders"));
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    void screenshot(String name) {
        File f = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(f.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
