package org.refcheck.report.schema;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a check cost and covered. Each checker fills the figures it has and leaves the others at -1 (unknown or not
 * applicable); the site prints only the known ones.
 *
 * @param executions  model checker: executions run (for a failure: up to and including the first failing one)
 * @param traces      model checker: executions that ran to their end (Mazurkiewicz traces when exhaustive)
 * @param scenarios   Lincheck: scenarios generated
 * @param invocations Lincheck: invocations of the scenarios
 * @param samples     jcstress: samples over every outcome and configuration
 * @param wallMillis  wall time of the check (jcstress: configured sampling time), -1 if unknown
 * @param more        a checker's further statistics by name, e.g. the model checker's {@code prunedBranches},
 *                    {@code sleepBlocked}, {@code mergedStates} and {@code longestExecution}
 */
public record Figures(long executions, long traces, long scenarios, long invocations, long samples,
                      long wallMillis, Map<String, Long> more) {

    /** No figure known. */
    public static final Figures NONE = new Figures(-1, -1, -1, -1, -1, -1, Map.of());

    public Figures {
        more = new TreeMap<>(Required.map(more));
    }

    /** Model-checker figures. */
    public static Figures model(long executions, long traces, long wallMillis) {
        return model(executions, traces, wallMillis, Map.of());
    }

    /** Model-checker figures with its further statistics. */
    public static Figures model(long executions, long traces, long wallMillis, Map<String, Long> more) {
        return new Figures(executions, traces, -1, -1, -1, wallMillis, more);
    }

    /** Lincheck figures. */
    public static Figures lincheck(long scenarios, long invocations, long wallMillis) {
        return new Figures(-1, -1, scenarios, invocations, -1, wallMillis, Map.of());
    }

    /** jcstress figures. */
    public static Figures jcstress(long samples, long wallMillis) {
        return new Figures(-1, -1, -1, -1, samples, wallMillis, Map.of());
    }
}
