package tcpcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tcpcheck.properties.Lang;

/**
 * The report as a reader sees it: rendered in headless Chromium (Debian's chromium and chromedriver, with
 * fonts-noto-cjk) in both languages, every diagram shown and no label in one crossed by a line or another label as
 * the browser lays them out, the key terms on the page, no script and no address outside the page; the HTML passes
 * the Nu HTML checker; the screenshots are kept under target/screenshots. The evidence is the smaller plan (one
 * variant in full, the MSL = 1 sweep rows): the rendering is the same code as the full report's.
 */
class ReportTest {
    private static final Path OUT = Path.of("target", "report-test");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static Evidence evidence;
    private static List<Report.Page> pages;
    private static double renderSeconds;

    @BeforeAll
    static void render() throws Exception {
        evidence = Evidence.gather(Evidence.Plan.quick(), 2, s -> System.out.println("ReportTest evidence: " + s));
        long t0 = System.nanoTime();
        pages = Report.render(evidence, List.of(Lang.EN, Lang.ZH));
        renderSeconds = (System.nanoTime() - t0) / 1e9;
        assertNull(Report.refusal(OUT, List.of(Lang.EN, Lang.ZH)), "the test's own earlier report may be replaced");
        Report.write(OUT, pages);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void sizes() {
        for (Report.Page p : pages) {
            System.out.printf("ReportTest: %s %,d bytes HTML, %,d bytes Markdown, %d figures%n", p.lang().tag(),
                    p.html().getBytes(StandardCharsets.UTF_8).length,
                    p.markdown().getBytes(StandardCharsets.UTF_8).length, p.figures());
        }
        System.out.printf("ReportTest: evidence %.1f s, rendered both languages in %.3f s%n", evidence.seconds(),
                renderSeconds);
    }

    private static final Map<Lang, List<String>> TERMS = Map.of(
            Lang.EN, List.of("Why three handshakes?", "Why four waves?", "Why TIME-WAIT, and why 2 MSL?",
                    "What ✓ means", "old: from connection 1", "RFC 1337", "T ≥ RTO + MSL", "T ≥ 2·MSL − 1",
                    "not checked in this run", "Regenerate:"),
            Lang.ZH, List.of("三次握手", "四次挥手", "2MSL", "报文段", "最长报文段寿命", "旧报文段：属于连接 1", "RFC 1337",
                    "本次未检验", "重新生成："));

    @Test
    void bothLanguagesRenderInChromiumWithEveryDiagramAndTheKeyTerms() throws Exception {
        File driverFile = new File("/usr/bin/chromedriver");
        if (!driverFile.canExecute() || !new File("/usr/bin/chromium").canExecute()) {
            throw new AssertionError("Debian's chromium and chromium-driver are needed to render the report: apt-get"
                    + " install chromium chromium-driver fonts-noto-cjk");
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverFile)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, o);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            for (Report.Page p : pages) {
                driver.manage().window().setSize(new Dimension(1300, 1000));
                driver.get(OUT.resolve(p.htmlName()).toAbsolutePath().toUri().toString());
                String body = driver.findElement(By.tagName("body")).getText();
                for (String term : TERMS.get(p.lang())) {
                    assertTrue(body.contains(term), p.lang() + ": the page shows '" + term + "'");
                }
                List<WebElement> svgs = driver.findElements(By.cssSelector("figure.diagram svg"));
                assertEquals(p.figures(), svgs.size(), "every figure has its drawing");
                assertTrue(p.figures() >= 8, p.figures() + " figures");
                for (WebElement s : svgs) {
                    assertTrue(s.isDisplayed() && s.getSize().getWidth() > 300 && s.getSize().getHeight() > 150,
                            "a drawing is shown: " + s.getSize());
                }
                @SuppressWarnings("unchecked")
                List<String> faults = (List<String>) ((JavascriptExecutor) driver).executeScript(GEOMETRY);
                assertEquals(List.of(), faults, p.lang() + ": labels as the browser lays them out");
                Object cjk = ((JavascriptExecutor) driver).executeScript("return document.fonts.check('16px \"Noto Sans"
                        + " CJK SC\"', '三次握手');");
                assertEquals(Boolean.TRUE, cjk, "the CJK font is there");
                long height = (Long) ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollHeight;");
                driver.manage().window().setSize(new Dimension(1300, (int) Math.min(height + 20, 30000)));
                byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
                Files.write(SHOTS.resolve("report." + p.lang().tag() + ".png"), png);
                assertTrue(png.length > 50_000, "a screenshot of the whole page");
            }
        } finally {
            driver.quit();
        }
    }

    /** In every drawing: no text box crossed by a line or path, and no two text boxes overlapping (1 px slack). */
    private static final String GEOMETRY = """
            const faults = [];
            const shrink = (r) => ({x0: r.left + 1, y0: r.top + 1, x1: r.right - 1, y1: r.bottom - 1});
            function crosses(x0, y0, x1, y1, b) {
              let t0 = 0, t1 = 1; const dx = x1 - x0, dy = y1 - y0;
              const p = [-dx, dx, -dy, dy], q = [x0 - b.x0, b.x1 - x0, y0 - b.y0, b.y1 - y0];
              for (let i = 0; i < 4; i++) {
                if (p[i] === 0) { if (q[i] <= 0) return false; }
                else { const r = q[i] / p[i]; if (p[i] < 0) t0 = Math.max(t0, r); else t1 = Math.min(t1, r); }
              }
              return t0 < t1;
            }
            document.querySelectorAll('figure.diagram svg').forEach((svg, n) => {
              const texts = [...svg.querySelectorAll('text')].map(t => ({s: t.textContent,
                  b: shrink(t.getBoundingClientRect())}));
              for (const l of svg.querySelectorAll('line')) {
                const a = l.getBoundingClientRect();
                const m = l.getCTM(); const sr = svg.getBoundingClientRect();
                const pt = (x, y) => { const p = svg.createSVGPoint(); p.x = x; p.y = y;
                  return p.matrixTransform(l.getScreenCTM()); };
                const p0 = pt(l.x1.baseVal.value, l.y1.baseVal.value), p1 = pt(l.x2.baseVal.value, l.y2.baseVal.value);
                for (const t of texts) if (crosses(p0.x, p0.y, p1.x, p1.y, t.b))
                  faults.push('figure ' + (n + 1) + ': a line crosses "' + t.s + '"');
              }
              for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
                const a = texts[i].b, b = texts[j].b;
                if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
                  faults.push('figure ' + (n + 1) + ': "' + texts[i].s + '" overlaps "' + texts[j].s + '"');
              }
            });
            return faults;
            """;

    @Test
    void theHtmlIsValidSelfContainedAndWithoutScript() throws Exception {
        for (Report.Page p : pages) {
            assertFalse(p.html().contains("<script"), "no JavaScript");
            Matcher m = Pattern.compile("(https?:)?//[a-zA-Z0-9.]+[^\"' )<]*").matcher(p.html());
            List<String> addresses = new ArrayList<>();
            while (m.find()) {
                if (!m.group().equals("http://www.w3.org/2000/svg")) {
                    addresses.add(m.group());
                }
            }
            assertEquals(List.of(), addresses, "no address outside the page but the SVG namespace");
            EmbeddedValidator v = new EmbeddedValidator();
            v.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
            String out = v.validate(OUT.resolve(p.htmlName()));
            List<String> errors = out.lines().filter(l -> l.contains("error")).toList();
            assertEquals(List.of(), errors, p.lang() + ": the Nu HTML checker's errors");
        }
    }

    @Test
    void theValidatorCatchesAnInvalidPage() throws Exception {
        Path bad = OUT.resolve("invalid.html");
        Files.writeString(bad, pages.get(0).html().replace("<main>", "<main><p><div></p>"));
        EmbeddedValidator v = new EmbeddedValidator();
        v.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        assertTrue(v.validate(bad).contains("error"), "an invalid page is reported");
    }

    @Test
    void neverOverwritesAFileItDidNotWrite() throws Exception {
        Path dir = OUT.resolve("foreign");
        Files.createDirectories(dir);
        Path mine = dir.resolve("report.en.md");
        Files.writeString(mine, "my notes\n");
        String why = Report.refusal(dir, List.of(Lang.EN));
        assertNotNull(why);
        assertTrue(why.endsWith("report.en.md exists and was not written by tcpcheck report; not overwriting it"),
                why);
        assertEquals("my notes\n", Files.readString(mine));
        Files.writeString(mine, pages.get(0).markdown());
        assertNull(Report.refusal(dir, List.of(Lang.EN)), "a report written before may be replaced");
    }

    @Test
    void unrunCellsAreNeverShownAsChecked() {
        String en = pages.get(0).html();
        // The quick plan checks one variant in full: the others' cells say so, and the large sweep cells are recorded.
        assertTrue(en.contains("not checked in this run"));
        assertTrue(en.contains("✓†") && en.contains("✗ 27†"), "recorded cells are marked †");
        for (SweepCell c : evidence.graceful()) {
            assertFalse(c.recorded());
        }
        assertEquals(5, evidence.graceful().size(), "graceful-close, MSL = 1, RTO = 1, T = 0 … 4, run now");
        assertTrue(evidence.graceful().stream().allMatch(c -> c.agrees(2)), "T >= RTO + MSL at MSL = 1");
    }
}
