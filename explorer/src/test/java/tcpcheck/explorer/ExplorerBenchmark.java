package tcpcheck.explorer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * How long a person waits, measured by hand and never asserted (not a test: run it on purpose with
 * {@code mvn -o -q -pl explorer -am test -Dtest=ExplorerBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, after
 * {@code ./tcpcheck list} has built the jar). With a browser already open, as a person has one:
 * <ul>
 *   <li>time to first page: from starting {@code ./tcpcheck explore FILE} to the page rendered (its first state
 *   drawn), five times;</li>
 *   <li>time per step on the largest stored counterexample: from the → key to the next step rendered and painted,
 *   measured inside the page (keydown to the frame after the rendering), for each of its steps, three rounds.</li>
 * </ul>
 */
class ExplorerBenchmark {
    static final String LARGEST = "rfc9293-text.no-deadlock.json";

    @Test
    void measure() throws Exception {
        Path root = Client.counterexamples().getParent();
        Path file = Client.counterexamples().resolve(LARGEST);
        try (Browser b = new Browser(1600, 1200)) {
            b.driver.get("about:blank");
            List<Double> firstPage = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(root.resolve("tcpcheck").toString(), "explore", file.toString())
                        .directory(root.toFile()).redirectErrorStream(true).start();
                try {
                    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                            StandardCharsets.UTF_8));
                    Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)").matcher("");
                    String line;
                    while ((line = out.readLine()) != null && !m.reset(line).find()) {
                        // the launcher's and the command's first lines
                    }
                    long printed = System.nanoTime();
                    b.driver.get(m.group(1));
                    b.rendered(0, 0);
                    long rendered = System.nanoTime();
                    firstPage.add((rendered - t0) / 1e6);
                    System.out.printf(Locale.ROOT, "BENCH first page: address printed after %.0f ms, page rendered"
                            + " after %.0f ms%n", (printed - t0) / 1e6, (rendered - t0) / 1e6);
                    if (run == 4) {
                        perStep(b);
                    }
                } finally {
                    p.destroy();
                    p.waitFor();
                }
            }
            Collections.sort(firstPage);
            System.out.printf(Locale.ROOT, "BENCH time to first page: median %.0f ms (min %.0f, max %.0f) of 5%n",
                    firstPage.get(2), firstPage.get(0), firstPage.get(4));
        }
    }

    private static void perStep(Browser b) {
        b.driver.executeScript("window.bench = []; let down = 0;"
                + " document.addEventListener('keydown', () => { down = performance.now(); }, true);"
                + " new MutationObserver(() => { const d = down; requestAnimationFrame(() => setTimeout(() =>"
                + "   window.bench.push(performance.now() - d), 0)); })"
                + " .observe(document.body, { attributes: true, attributeFilter: ['data-renders'] });");
        WebElement body = b.driver.findElement(By.tagName("body"));
        int steps = Integer.parseInt(b.text("#position").replaceAll("step \\d+ of ", ""));
        for (int round = 0; round < 3; round++) {
            int r = b.renders();
            if (round > 0) {
                b.driver.findElement(By.id("first")).click();
                b.rendered(r, 0);
            }
            b.driver.executeScript("window.bench = [];");
            for (int k = 1; k <= steps; k++) {
                r = b.renders();
                body.sendKeys(Keys.ARROW_RIGHT);
                b.rendered(r, k);
            }
            b.await().until(d -> ((Number) b.driver.executeScript("return window.bench.length")).intValue() >= steps);
            @SuppressWarnings("unchecked")
            List<Number> ms = (List<Number>) b.driver.executeScript("return window.bench");
            List<Double> sorted = new ArrayList<>();
            ms.forEach(x -> sorted.add(x.doubleValue()));
            Collections.sort(sorted);
            double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            System.out.printf(Locale.ROOT, "BENCH per step, %s, %d steps: mean %.1f ms, median %.1f, max %.1f%n",
                    LARGEST, steps, mean, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        }
        assertTrue(steps == 26, "the largest counterexample has 26 steps");
    }
}
