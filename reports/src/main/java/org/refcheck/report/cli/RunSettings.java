package org.refcheck.report.cli;

/**
 * How one {@code refcheck check} runs, once its options are validated.
 *
 * @param mode      how hard to try
 * @param shard     which part of the selection this run takes
 * @param runName   the run's name (the same for all its shards)
 * @param machine   this machine's label, empty for the host name
 * @param cpus      jcstress's CPU limit, or {@code null} for all
 * @param selection the filters
 * @param userSuite whether the units are a user's suite rather than the catalogue
 * @param classPath the child JVMs' class path
 */
record RunSettings(Mode mode, Shard shard, String runName, String machine, Integer cpus, Selection selection,
                   boolean userSuite, String classPath) {

    /** Whether this run covers the whole catalogue: no filter and no shard. */
    boolean wholeCatalogue() {
        return !userSuite && selection.isEverything() && shard.isWhole();
    }

    /** What the run selected, as the results' {@code selection} bound says it. */
    String selectionBound() {
        return selection.isEverything() ? "all" : selection.describe();
    }
}
