package org.refcheck.report.cli;

import java.util.List;

/**
 * How hard {@code refcheck check} tries: jcstress's mode and JVM configurations, and Lincheck's sizes. The model
 * checker is exhaustive in every mode.
 */
enum Mode {
    /** The test build's budget: jcstress quick with one JVM configuration. */
    QUICK("quick", List.of("-sc", "false", "-jvmArgs", "-XX:-TieredCompilation"), 20, 2_000),
    /** The main job: jcstress default with one JVM configuration (what fits a 2-core machine). */
    DEFAULT("default", List.of("-sc", "false", "-jvmArgs", "-XX:-TieredCompilation"), 20, 2_000),
    /** Many cores: jcstress default with every JVM configuration it detects; Lincheck sizes times ten. */
    FULL("default", List.of(), 200, 20_000);

    private final String jcstressMode;
    private final List<String> jcstressArgs;
    private final int lincheckIterations;
    private final int lincheckInvocations;

    Mode(String jcstressMode, List<String> jcstressArgs, int lincheckIterations, int lincheckInvocations) {
        this.jcstressMode = jcstressMode;
        this.jcstressArgs = jcstressArgs;
        this.lincheckIterations = lincheckIterations;
        this.lincheckInvocations = lincheckInvocations;
    }

    String jcstressMode() {
        return jcstressMode;
    }

    List<String> jcstressArgs() {
        return jcstressArgs;
    }

    int lincheckIterations() {
        return lincheckIterations;
    }

    int lincheckInvocations() {
        return lincheckInvocations;
    }

    /** The mode a command line names: {@code quick}, {@code default} or {@code full}. */
    static Mode parse(String name) {
        for (Mode m : values()) {
            if (m.id().equals(name)) {
                return m;
            }
        }
        List<String> names = java.util.Arrays.stream(values()).map(Mode::id).toList();
        throw new UsageException("unknown mode '" + name + "'" + Nearest.hint(name, names) + "; modes: "
                + String.join(", ", names));
    }

    /** The lower-case name the command line uses. */
    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
