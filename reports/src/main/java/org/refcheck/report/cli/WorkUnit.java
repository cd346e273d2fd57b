package org.refcheck.report.cli;

/**
 * The smallest piece of a run that can be given to a shard: one jcstress test, or one JUnit test method (all of a
 * parameterised method's invocations) of a Lincheck, model-checker or user suite.
 *
 * @param kind     which runner runs it
 * @param id       jcstress: the test name; JUnit: the method's unique id (stable across JVMs and machines)
 * @param name     what the progress line shows: the test class (and method)
 * @param protocol the protocol it checks ({@code selfcheck} for an infrastructure self-check)
 * @param variant  {@code correct} or the mutant's bug name
 */
record WorkUnit(Kind kind, String id, String name, String protocol, String variant) {

    /** The runners, in the order a run uses them: the fast exhaustive checker first, jcstress (all CPUs) last. */
    enum Kind {
        MODEL("model checker"),
        USER("your suites"),
        LINCHECK("Lincheck"),
        JCSTRESS("jcstress");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        String title() {
            return title;
        }
    }

    /** {@code protocol/variant}. */
    String entryId() {
        return protocol + "/" + variant;
    }
}
