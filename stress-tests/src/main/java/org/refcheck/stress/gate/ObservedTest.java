package org.refcheck.stress.gate;

import java.util.List;
import java.util.Objects;
import org.refcheck.stress.verdict.OutcomeCount;

/**
 * What one jcstress test produced, summed over all its run configurations (JVM flags, compilation modes, forks).
 *
 * @param name           the test name
 * @param results        how many run configurations produced a result
 * @param errors         one line per configuration whose status was not {@code NORMAL}
 * @param outcomes       every outcome, observed or declared, with its grading and summed samples
 * @param samplingMillis configured sampling time over all configurations (iteration time x iterations)
 */
public record ObservedTest(String name, int results, List<String> errors, List<OutcomeCount> outcomes,
                           long samplingMillis) {

    /** The grading names jcstress uses. */
    public static final String ACCEPTABLE = "ACCEPTABLE";
    public static final String ACCEPTABLE_INTERESTING = "ACCEPTABLE_INTERESTING";
    public static final String FORBIDDEN = "FORBIDDEN";

    public ObservedTest {
        Objects.requireNonNull(name, "name");
        errors = List.copyOf(errors);
        outcomes = List.copyOf(outcomes);
    }

    /** Samples over all outcomes. */
    public long totalSamples() {
        return outcomes.stream().mapToLong(OutcomeCount::samples).sum();
    }

    /** Samples of outcomes graded {@code expect}. */
    public long samples(String expect) {
        return outcomes.stream().filter(o -> o.expect().equals(expect)).mapToLong(OutcomeCount::samples).sum();
    }

    /** The observed outcomes graded {@code expect}, most frequent first. */
    public List<OutcomeCount> seen(String expect) {
        return outcomes.stream()
                .filter(o -> o.expect().equals(expect) && o.samples() > 0)
                .sorted((a, b) -> Long.compare(b.samples(), a.samples()))
                .collect(java.util.stream.Collectors.toList());
    }
}
