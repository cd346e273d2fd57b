package org.refcheck.benchmarks.run;

/**
 * One benchmark's figure: {@code operation} is {@code Class.method} (the reader method of a JMH group), the score
 * is JMH's mean time per operation with its 99.9% confidence half-width; {@code threads} are those running the
 * operation (for a group's reader: the reader threads, beside which the updater runs).
 */
public record Measured(String operation, int threads, double score, double error, String unit) {
}
