package org.refcheck.stress;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;

/**
 * Turns what a {@link LifetimeTracker} found into a jcstress outcome: the kinds of violation it reported, each named
 * once by its {@linkplain ViolationKind#title() title}, in {@link ViolationKind} order, joined by {@code " & "}, or
 * {@value #CLEAN} when there were none.
 *
 * <pre> {@code
 * @Arbiter
 * public void arbiter(ZL_Result r) {
 *     r.r2 = LifetimeFindings.finish(heap);   // e.g. "clean", "leak", "use after free & resurrection"
 * }
 * }</pre>
 *
 * <p>The separator is neither a comma (jcstress joins result fields with {@code ", "}) nor a regex metacharacter,
 * so an {@code @Outcome} id can name a finding exactly.
 */
public final class LifetimeFindings {

    /** The outcome of a test in which the tracker found nothing. */
    public static final String CLEAN = "clean";

    /** Joins the kinds of one outcome. */
    public static final String SEPARATOR = " & ";

    private LifetimeFindings() {
    }

    /**
     * Ends the test with {@link LifetimeTracker#finish()} (so an allocation never freed counts as a leak) and
     * describes what it found. Call it once, from the {@code @Arbiter}.
     */
    public static String finish(LifetimeTracker heap) {
        return describe(heap.finish());
    }

    /** The kinds among {@code violations}, each once, in {@link ViolationKind} order; {@value #CLEAN} if none. */
    public static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            return CLEAN;
        }
        Set<ViolationKind> kinds = EnumSet.noneOf(ViolationKind.class);
        for (Violation v : violations) {
            kinds.add(v.kind());
        }
        return kinds.stream().map(ViolationKind::title).collect(Collectors.joining(SEPARATOR));
    }
}
