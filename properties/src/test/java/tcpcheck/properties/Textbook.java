package tcpcheck.properties;

import java.util.List;

/** The textbook stories, searched once per test run and shared by the test classes. */
final class Textbook {
    private static List<TextbookStories.Found> all;

    private Textbook() {
    }

    static synchronized List<TextbookStories.Found> all() {
        if (all == null) {
            all = TextbookStories.findAll(2);
        }
        return all;
    }

    static TextbookStories.Found lostLastAck() {
        return all().stream().filter(f -> f.story() == TextbookStories.LOST_LAST_ACK).findFirst().orElseThrow();
    }
}
