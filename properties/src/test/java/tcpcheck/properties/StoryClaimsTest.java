package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * Every claim a story makes holds in its trace: over every stored counterexample, over the counterexamples that
 * {@code check --out} writes at other parameter settings (Dup = 0, two connections, two data units, more losses),
 * and over random-walk traces. And the checker of claims catches a false one.
 */
class StoryClaimsTest {
    private static final Path FOLDER = Path.of("..", "counterexamples");
    private static int stories;
    private static int claims;

    /** Tells the story and checks every claim; returns the story. */
    private static Story checked(String where, TcpModel m, Trace<TcpState, Action> t, String property, String part) {
        Story s = Narrator.tell(m, t, property, part);
        assertNotNull(s.violation(), where + ": the story names the violation");
        assertEquals(t.length(), s.violation().step(), where + ": at the last step");
        List<String> bad = new ClaimCheck(m, t).failures(s.claims());
        assertEquals(List.of(), bad, where + "\n" + s.text(Lang.EN));
        synchronized (StoryClaimsTest.class) {
            stories++;
            claims += s.claims().size();
        }
        return s;
    }

    @AfterAll
    static void count() {
        System.out.println("StoryClaimsTest: " + stories + " stories, " + claims + " claims verified");
    }

    @Test
    void everyStoredStoryClaimHolds() throws Exception {
        int n = 0;
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (!f.toString().endsWith(".json")) {
                    continue;
                }
                CounterexampleFile.Counterexample cx = CounterexampleFile.read(Files.readString(f));
                Trace<TcpState, Action> t = Replay.replay(cx).trace();
                Story s = checked(f.toString(), new TcpModel(cx.variant(), cx.parameters()), t, cx.property(),
                        cx.part());
                // The stored page tells this very story.
                String md = Files.readString(Path.of(f.toString().replace(".json", ".md")));
                assertTrue(md.contains(s.markdown(Lang.EN)) && md.contains(s.markdown(Lang.ZH)), f.toString());
                n++;
            }
        }
        assertEquals(18, n);
    }

    @Test
    void theStaleSynWithoutDuplicationIsARetransmission() {
        // check --variant two-way-handshake --property no-stale-accept --Dup 0: the old SYN is A's retransmission.
        Parameters p = Parameters.defaults().with(tcpcheck.model.Parameter.DUPLICATES, 0);
        VariantReport r = new Verification().threads(2).firstCounterexample(true).check(Variant.TWO_WAY_HANDSHAKE, p,
                List.of(TcpProperties.NO_STALE_ACCEPT));
        PropertyVerdict v = r.result(TcpProperties.NO_STALE_ACCEPT);
        assertEquals(Verdict.VIOLATED, v.verdict());
        Story s = checked("Dup=0", new TcpModel(Variant.TWO_WAY_HANDSHAKE, p), v.trace(), v.property(), v.part());
        String en = s.text(Lang.EN);
        assertFalse(en.contains("duplicat"), en);
        assertTrue(en.contains("retransmits its SYN"), en);
        assertTrue(s.sentences().stream().anyMatch(x -> x.kind() == Story.Kind.OLD_SEGMENT
                && x.en().contains("retransmitted at step")), en);
        assertFalse(s.text(Lang.ZH).contains("复制"), "nor in Chinese");
    }

    @Test
    void checkOutAtOtherSettings() {
        record Setting(Variant v, Parameters p, List<String> properties) {
        }
        Parameters d = Parameters.defaults();
        List<Setting> settings = List.of(
                new Setting(Variant.NO_TIME_WAIT, d.with(tcpcheck.model.Parameter.DUPLICATES, 0), List.of(TcpProperties.GRACEFUL_CLOSE)),
                new Setting(Variant.THREE_WAY_CLOSE, d.with(tcpcheck.model.Parameter.DATA, 2), List.of(TcpProperties.NO_DATA_LOSS)),
                new Setting(Variant.TWO_WAY_HANDSHAKE, d.incarnations(), List.of(TcpProperties.NO_STALE_ACCEPT,
                        TcpProperties.NO_DEADLOCK)),
                new Setting(Variant.SHORT_TIME_WAIT, d.with(tcpcheck.model.Parameter.MSL, 1).with(tcpcheck.model.Parameter.LOSSES, 2), List.of(TcpProperties.GRACEFUL_CLOSE)),
                new Setting(Variant.RFC9293_TEXT, d.with(tcpcheck.model.Parameter.DUPLICATES, 2), List.of(TcpProperties.GRACEFUL_CLOSE)));
        int found = 0;
        for (Setting st : settings) {
            for (String prop : st.properties()) {
                VariantReport r = new Verification().threads(2).firstCounterexample(true).check(st.v(), st.p(),
                        List.of(prop));
                PropertyVerdict v = r.result(prop);
                assertEquals(Verdict.VIOLATED, v.verdict(), st + " " + prop);
                // What check --out writes for it: the page holds the story checked here.
                String base = CounterexampleFolder.baseName(r, v);
                String md = new String(CounterexampleFolder.files(List.of(r)).get(base + ".md"),
                        java.nio.charset.StandardCharsets.UTF_8);
                Story s = checked(st + " " + prop, new TcpModel(st.v(), st.p()), v.trace(), v.property(), v.part());
                assertTrue(md.contains(s.markdown(Lang.EN)), base);
                found++;
            }
        }
        assertEquals(6, found);
    }

    @Test
    void randomWalks() {
        Parameters p = Parameters.defaults().incarnations().with(tcpcheck.model.Parameter.DATA, 2).with(tcpcheck.model.Parameter.LOSSES, 2).with(tcpcheck.model.Parameter.DUPLICATES, 2);
        int hits = 0;
        for (Variant v : List.of(Variant.TWO_WAY_HANDSHAKE, Variant.NO_TIME_WAIT, Variant.SHORT_TIME_WAIT,
                Variant.RFC9293_TEXT, Variant.THREE_WAY_CLOSE, Variant.RFC9293_RFC1337)) {
            RandomWalks.Report r = new RandomWalks().runs(3000).depth(300).seed(11).threads(2).run(v, p,
                    TcpProperties.NAMES);
            for (RandomWalks.Hit h : r.hits()) {
                if (h != null) {
                    checked(v + " walk " + h.property(), new TcpModel(v, p), h.shrunk(), h.property(), h.part());
                    hits++;
                }
            }
        }
        assertTrue(hits >= 10, hits + " violations found by the walks");
    }

    @Test
    void aFalseClaimIsCaught() {
        PropertyVerdict v = Reports.defaults(Variant.TWO_WAY_HANDSHAKE).result(TcpProperties.NO_STALE_ACCEPT);
        TcpModel m = new TcpModel(Variant.TWO_WAY_HANDSHAKE, Parameters.defaults());
        Story s = Narrator.tell(m, v.trace(), v.property(), v.part());
        ClaimCheck check = new ClaimCheck(m, v.trace());
        List<Claim> wrong = new ArrayList<>();
        for (Claim c : s.claims()) {
            if (c instanceof Claim.Duplicated d) {
                wrong.add(new Claim.Duplicated(d.step() + 1, d.packet()));
            } else if (c instanceof Claim.Delivered d) {
                wrong.add(new Claim.Delivered(d.step(), d.to(), d.packet() + (1 << 27)));
                wrong.add(new Claim.Lost(d.step(), d.packet()));
            } else if (c instanceof Claim.Old o) {
                wrong.add(new Claim.Old(o.step(), o.step() - 1));
            } else if (c instanceof Claim.ConnectionOver o) {
                wrong.add(new Claim.ConnectionOver(o.step() - 1, o.connection()));
            } else if (c instanceof Claim.Rule r) {
                wrong.add(new Claim.Rule(r.step(), r.section(), r.rfcStep() == 2 ? 8 : 2));
            }
        }
        assertTrue(wrong.size() >= 6, wrong.toString());
        assertEquals(wrong.size(), check.failures(wrong).size(), "every false claim is caught");
    }
}
