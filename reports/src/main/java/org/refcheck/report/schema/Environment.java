package org.refcheck.report.schema;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where and how a run happened, as the site's environment table and the merged site's column headers show it.
 *
 * @param machine         a short label for the run's column when several runs are merged (a host name, or what
 *                        {@code -Dreports.machine} says, e.g. {@code "arm64-64cpu"} or {@code "before"})
 * @param jvmVendor       {@code java.vm.vendor}
 * @param jvmVersion      {@code java.runtime.version}
 * @param os              operating system name, version and architecture
 * @param cpuCount        logical CPUs the JVM saw
 * @param cpuModel        the CPU model name, or empty if unknown
 * @param mode            the run mode, e.g. {@code "verify (jcstress quick)"} or {@code "stress"}
 * @param bounds          the checkers' size settings, e.g. {@code lincheck.invocations=2000}
 * @param refcheckVersion the refcheck version that ran
 * @param gitCommit       the commit of the refcheck tree that ran ({@code +dirty} if it had local changes), or empty
 * @param startTime       when the first check's result was recorded (ISO-8601 instant)
 * @param endTime         when the results were collected (ISO-8601 instant)
 */
public record Environment(String machine, String jvmVendor, String jvmVersion, String os, int cpuCount,
                          String cpuModel, String mode, Map<String, String> bounds, String refcheckVersion,
                          String gitCommit, String startTime, String endTime) {

    public Environment {
        Required.text(machine, "environment.machine");
        jvmVendor = Required.optional(jvmVendor);
        jvmVersion = Required.optional(jvmVersion);
        os = Required.optional(os);
        cpuModel = Required.optional(cpuModel);
        mode = Required.optional(mode);
        bounds = new TreeMap<>(Required.map(bounds));
        refcheckVersion = Required.optional(refcheckVersion);
        gitCommit = Required.optional(gitCommit);
        instant(startTime, "environment.startTime");
        instant(endTime, "environment.endTime");
        if (cpuCount < 1) {
            throw new IllegalArgumentException("environment.cpuCount must be at least 1, not " + cpuCount);
        }
    }

    private static void instant(String value, String field) {
        Required.text(value, field);
        try {
            Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not an ISO-8601 instant");
        }
    }
}
