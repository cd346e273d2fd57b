package org.refcheck.stress.arc;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;

/**
 * The lifetime tracker's findings at the end of a jcstress sample, as the text of an outcome: {@code "clean"}, or the
 * kinds of violation found, in {@link ViolationKind} order, joined by {@code +}:
 *
 * <pre> {@code
 * @Arbiter
 * public void arbiter(IIL_Result r) {
 *     ...
 *     r.r3 = LifetimeFindings.of(heap);   // "clean", "use-after-free", "use-after-destroy+double-destroy+resurrection"
 * }
 * }</pre>
 *
 * <p>Only the kinds count, not how often each fired or in which order the threads reported them, so that one bug
 * gives one outcome line whatever the interleaving.
 */
public final class LifetimeFindings {

    /** The outcome text of a sample in which the tracker found nothing. */
    public static final String CLEAN = "clean";

    private LifetimeFindings() {
    }

    /**
     * Ends the sample ({@link LifetimeTracker#finish()}, which reports every allocation not freed as a leak) and
     * returns its findings. Call it once, from the arbiter, after every handle of the sample was dropped.
     */
    public static String of(LifetimeTracker heap) {
        Set<ViolationKind> kinds = EnumSet.noneOf(ViolationKind.class);
        for (Violation v : heap.finish()) {
            kinds.add(v.kind());
        }
        return describe(kinds);
    }

    /** The outcome text for a set of violation kinds: {@code "clean"} or e.g. {@code "use-after-free"}. */
    public static String describe(Set<ViolationKind> kinds) {
        if (kinds.isEmpty()) {
            return CLEAN;
        }
        return kinds.stream()
                .sorted()
                .map(k -> k.title().replace(' ', '-'))
                .collect(Collectors.joining("+"));
    }
}
