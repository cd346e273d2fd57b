package org.refcheck.stress.catalogue;

import java.util.Locale;

/**
 * The checkers whose verdicts the {@link Catalogue} states, in the order of its columns.
 *
 * <p>Adding a checker is one constant here and one more {@link Expected} column in every {@link Catalogue} row;
 * {@link Entry} rejects a row with too few or too many columns when the catalogue is loaded.
 */
public enum Checker {

    /** jcstress 0.16: sampled outcomes on real hardware, under the Java memory model as the hardware shows it. */
    JCSTRESS("jcstress"),

    /** Lincheck 3.7: bounded, sequentially consistent model checking and stress runs. */
    LINCHECK("Lincheck"),

    /** refcheck's own model checker: exhaustive exploration with optimal dynamic partial-order reduction. */
    MODEL("refcheck model checker");

    private final String title;

    Checker(String title) {
        this.title = title;
    }

    /** The checker's name as people write it, e.g. {@code "Lincheck"}. */
    public String title() {
        return title;
    }

    /** The lower-case id used for directories and record fields, e.g. {@code "lincheck"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The checker with the given {@link #id()}. */
    public static Checker ofId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
