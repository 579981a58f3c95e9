package tcpcheck.properties;

/** The languages stories and the report are written in: English and Chinese (the textbook's language). */
public enum Lang {
    EN, ZH;

    /** The language's tag, as HTML's lang attribute and file names use it. */
    public String tag() {
        return this == EN ? "en" : "zh";
    }
}
