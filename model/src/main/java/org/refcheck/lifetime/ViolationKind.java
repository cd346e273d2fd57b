package org.refcheck.lifetime;

/** The ways a lifetime protocol can go wrong, as the {@link LifetimeTracker} names them. */
public enum ViolationKind {

    /** The payload was used after its value was destroyed (dropped). */
    USE_AFTER_DESTROY("use after destroy", "the payload was used after its value was dropped"),

    /** The allocation was touched after it was freed. */
    USE_AFTER_FREE("use after free", "the allocation was touched after it was freed"),

    /** The value was destroyed twice. */
    DOUBLE_DESTROY("double destroy", "the value was dropped twice"),

    /** The allocation was freed twice. */
    DOUBLE_FREE("double free", "the allocation was freed twice"),

    /** The allocation was still not freed when the test ended. */
    LEAK("leak", "the allocation was never freed"),

    /** A reference count went from zero back to non-zero after its owner committed to destroying the object. */
    RESURRECTION("resurrection", "the count went 0 to 1 after destruction began");

    private final String title;
    private final String sentence;

    ViolationKind(String title, String sentence) {
        this.title = title;
        this.sentence = sentence;
    }

    /** A short lower-case name, e.g. {@code "use after free"}. */
    public String title() {
        return title;
    }

    /** What happened, as a sentence fragment. */
    public String sentence() {
        return sentence;
    }
}
