package org.refcheck.report.schema;

/**
 * Whether one checker ran in this run.
 *
 * @param id      the checker's id, e.g. {@code "lincheck"}
 * @param title   its name as people write it, e.g. {@code "Lincheck"}
 * @param ran     whether it left results
 * @param fullSet whether it ran its whole suite (so a catalogue cell without a test is a gap, not a filter)
 * @param why     when it did not run: why (e.g. "skipped on purpose (-Djcstress.skip)"); otherwise empty
 */
public record CheckerState(String id, String title, boolean ran, boolean fullSet, String why) {

    public CheckerState {
        Required.text(id, "checkers[].id");
        Required.text(title, "checkers[].title");
        why = Required.optional(why);
    }
}
