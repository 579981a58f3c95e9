package tcpcheck.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tcpcheck.properties.CounterexampleFile;
import tcpcheck.properties.Witnesses;

/**
 * The explorer in a real browser, as a person uses it: the old duplicate SYN of the two-way handshake, stepped to,
 * compared with the standard, continued there until B is back in LISTEN, and branched; and every stored
 * counterexample opened with the file picker and stepped to its violation. One browser for the class.
 */
class ExplorerBrowserTest {
    static Explorer explorer;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        explorer = Explorer.start(CounterexampleFile.read(Client.read(ExplorerApiTest.STALE_SYN)), 0);
        browser = new Browser(1600, 2400);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        explorer.close();
    }

    private static void forward(int to) {
        int r = browser.renders();
        browser.driver.findElement(By.id("forward")).click();
        browser.rendered(r, to);
    }

    private static WebElement field(String endpointAndKey) {
        return browser.driver.findElement(By.cssSelector("td[data-field='" + endpointAndKey + "']"));
    }

    private static boolean changed(String endpointAndKey) {
        return field(endpointAndKey).getAttribute("class").contains("changed");
    }

    @Test
    void theOldDuplicateSynComparedWithTheStandardAndBranched() {
        var d = browser.driver;
        d.manage().window().setSize(new org.openqa.selenium.Dimension(1600, 2400));
        d.get(explorer.address().toString());
        browser.rendered(0, 0);
        assertEquals("two-way-handshake", browser.text("#variant-id"));
        assertTrue(browser.text("#variant-description").contains("answering SYN-ACK once and never retransmitting"));
        assertEquals("step 0 of 14", browser.text("#position"));
        for (int k = 1; k <= 13; k++) {
            forward(k);
        }
        assertEquals("LISTEN", field("B.state").getText());
        assertEquals("TIME-WAIT", field("A.state").getText());
        WebElement old = d.findElement(By.cssSelector("#directions [data-toward='B'] tr[data-old='true']"));
        assertTrue(old.getText().startsWith("<SEQ=0><CTL=SYN>"), old.getText());
        assertTrue(old.getText().contains("old duplicate"), old.getText());
        browser.screenshot("01-before-the-old-syn.png");

        forward(14);
        assertEquals("ESTABLISHED", field("B.state").getText());
        assertTrue(changed("B.state"), "B's state is highlighted");
        assertTrue(changed("B.iss") && changed("B.rcvNxt"), "so are its ISS and RCV.NXT");
        assertFalse(changed("A.state"), "A stays in TIME-WAIT");
        WebElement broke = d.findElement(By.cssSelector(".broke[data-property='no-stale-accept']"));
        assertTrue(broke.getText().startsWith("What broke: no-stale-accept is violated at step 14"), broke.getText());
        assertTrue(broke.getText().contains("The segment delivered is an old duplicate of connection 1"));
        assertTrue(broke.getText().contains("The rule: no endpoint establishes"), broke.getText());
        assertEquals("violated at step 14",
                browser.text("tr[data-property='no-stale-accept'] td.status"));
        assertTrue(d.findElement(By.cssSelector("#chart-svg svg")).getText().contains("old, from connection 1"),
                "the sequence chart has grown to the old SYN");
        browser.screenshot("02-the-violation.png");

        int r = browser.renders();
        d.findElement(By.id("back")).click();
        browser.rendered(r, 13);
        assertEquals("LISTEN", field("B.state").getText());
        assertTrue(d.findElements(By.cssSelector(".broke")).isEmpty(), "nothing broke at step 13");
        browser.screenshot("03-back.png");

        // A step chosen in the timeline: step 3, where the first copy of the SYN established B.
        r = browser.renders();
        d.findElement(By.cssSelector("#steps li[data-step='3']")).click();
        browser.rendered(r, 3);
        assertEquals("ESTABLISHED", field("B.state").getText());
        assertEquals("SYN-SENT", field("A.state").getText());
        r = browser.renders();
        d.findElement(By.cssSelector("#steps li[data-step='14']")).click();
        browser.rendered(r, 14);
        new Select(d.findElement(By.id("compare-variant"))).selectByValue("rfc9293-rfc1337");
        assertTrue(browser.text("#compare-description").startsWith("rfc9293-rfc1337: the standard variant: RFC 9293"));
        d.findElement(By.id("compare-button")).click();
        browser.await().until(ExpectedConditions.attributeToBe(By.id("compare-result"), "data-other",
                "rfc9293-rfc1337"));
        assertEquals("3", d.findElement(By.id("compare-result")).getAttribute("data-first-difference"));
        assertTrue(browser.text(".compare-summary").contains("The first step where the two differ: step 3."));
        assertEquals("SYN-RECEIVED", browser.text(".compare-rows tr[data-step='3'] td[data-field='otherB']"));
        assertEquals("SYN-RECEIVED", browser.text(".compare-rows tr[data-step='14'] td[data-field='otherB']"),
                "on the standard the old SYN leaves B in SYN-RECEIVED");
        WebElement compare = d.findElement(By.id("compare"));
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView()", compare);
        browser.screenshot("04-compared-with-rfc9293-rfc1337.png");
        // The comparison follows the steps.
        r = browser.renders();
        d.findElement(By.id("back")).click();
        browser.rendered(r, 13);
        browser.await().until(ExpectedConditions.attributeToBe(By.id("compare-result"), "data-at", "13"));
        assertEquals("LISTEN", browser.text(".compare-rows tr[data-step='13'] td[data-field='otherB']"));
        forward(14);
        browser.await().until(ExpectedConditions.attributeToBe(By.id("compare-result"), "data-at", "14"));

        r = browser.renders();
        d.findElement(By.id("continue-other")).click();
        browser.rendered(r, 14);
        assertEquals("rfc9293-rfc1337", browser.text("#variant-id"));
        assertEquals("SYN-RECEIVED", field("B.state").getText());
        new Select(d.findElement(By.id("find-target"))).selectByValue(Search.WITNESS + Witnesses.OLD_DUPLICATE_SYN);
        int beforeFind = browser.renders();
        d.findElement(By.id("find-button")).click();
        browser.await().until(ExpectedConditions.attributeToBe(By.id("find"), "data-status", "found"));
        browser.await().until(x -> browser.renders() > beforeFind);
        int end = Integer.parseInt(d.findElement(By.tagName("body")).getAttribute("data-at"));
        assertTrue(end > 14, "the witness continues the path");
        assertEquals("LISTEN", field("B.state").getText(), "B is back in LISTEN");
        assertTrue(changed("B.state"));
        String last = browser.text("#steps li[data-step='" + end + "']");
        assertTrue(last.contains("RST") && last.endsWith("to B"), last);
        browser.screenshot("05-b-back-in-listen.png");

        // A link reproduces a state: step 13 of the counterexample, where losing the old SYN is a branch.
        String opening = explorer.address() + "?" + ExplorerApiTest.at(client().ok("/api/config")
                .at("/opening/query").asText(), 13);
        d.get(opening);
        browser.rendered(0, 13);
        WebElement lose = null;
        for (WebElement b : d.findElements(By.cssSelector("#enabled button"))) {
            if (b.getText().startsWith("lose <SEQ=0><CTL=SYN> [conn 1, age 0] to B")) {
                lose = b;
            }
        }
        r = browser.renders();
        lose.click();
        browser.rendered(r, 14);
        assertEquals("LISTEN", field("B.state").getText(), "without the old SYN, B stays in LISTEN");
        assertEquals("holds so far", browser.text("tr[data-property='no-stale-accept'] td.status"));
        assertTrue(browser.text("#steps li[data-step='14']").startsWith("14 · lose <SEQ=0><CTL=SYN>"));
        assertEquals("step 14 of 14", browser.text("#position"));
        assertEquals("A path of 14 actions", browser.text("#opened"), "a branch is not the counterexample any more");
        assertTrue(d.findElements(By.cssSelector(".broke")).isEmpty());
        browser.screenshot("06-branch-losing-the-old-syn.png");

        r = browser.renders();
        d.navigate().back();
        browser.rendered(r, 13);
        assertEquals("LISTEN", field("B.state").getText(), "the browser's Back returns to step 13");
    }

    private static Client client() {
        return new Client(explorer.address());
    }

    /**
     * Every stored counterexample, opened with the file picker and stepped with the → key, pressed as many times as it
     * has steps, to its violation, which the page names at the last step. (The page shows the answer to the last key
     * pressed; each step's state, and that no step before the last breaks the property, are checked through the API.)
     */
    @Test
    void everyStoredCounterexampleOpensAndStepsToItsViolation() throws Exception {
        var d = browser.driver;
        // A smaller window: every step repaints the page.
        d.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        d.get(explorer.address().toString());
        browser.rendered(0, 0);
        List<Path> files;
        try (var s = Files.list(Client.counterexamples())) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(18, files.size(), "17 cells and the textbook's lost-last-ACK story");
        for (Path f : files) {
            CounterexampleFile.Counterexample cx = CounterexampleFile.read(Files.readString(f));
            int r = browser.renders();
            d.findElement(By.id("file")).sendKeys(f.toAbsolutePath().toString());
            browser.rendered(r, 0);
            assertEquals(cx.variant().id(), browser.text("#variant-id"), f.toString());
            assertEquals("A counterexample of " + cx.property() + " (" + cx.length() + " actions)",
                    browser.text("#opened"));
            String row = "tr[data-property='" + cx.property() + "'] td.status";
            r = browser.renders();
            d.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT.toString()
                    .repeat(cx.length()));
            browser.rendered(r, cx.length());
            assertEquals("step " + cx.length() + " of " + cx.length(), browser.text("#position"));
            assertEquals("violated at step " + cx.length(), browser.text(row), f.toString());
            WebElement broke = d.findElement(By.cssSelector(".broke[data-property='" + cx.property() + "']"));
            assertTrue(broke.getText().startsWith("What broke: " + cx.property() + " is violated at step "
                    + cx.length()), broke.getText());
        }
        browser.screenshot("07-the-last-counterexample-walked.png");
        d.manage().window().setSize(new org.openqa.selenium.Dimension(1600, 2400));
    }

    @Test
    void aBadLinkShowsTheMessage() {
        var d = browser.driver;
        d.get(explorer.address() + "?variant=rfc9293-rfc1337&path=0.7");
        WebElement error = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertEquals("step 2: action 7 does not exist; the enabled actions there are numbered 0 to 3",
                error.getText());
    }

    @Test
    void startingOverKeepsTheParameters() {
        var d = browser.driver;
        d.get(explorer.address() + "?variant=rfc9293-rfc1337&K=2&path=0&at=1");
        browser.rendered(0, 1);
        new Select(d.findElement(By.id("restart-variant"))).selectByValue("three-way-close");
        int r = browser.renders();
        d.findElement(By.id("restart")).click();
        browser.rendered(r, 0);
        assertEquals("three-way-close", browser.text("#variant-id"));
        assertEquals("0 of K = 2", field("A.opened").getText());
        assertEquals("variant=three-way-close&K=2&path=&at=0",
                d.findElement(By.tagName("body")).getAttribute("data-query"));
    }
}
