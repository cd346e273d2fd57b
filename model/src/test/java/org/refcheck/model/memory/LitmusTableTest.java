package org.refcheck.model.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.refcheck.model.memory.Litmus.outcomes;
import static org.refcheck.model.memory.Litmus.set;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.refcheck.model.memory.Litmus.Mode;

/**
 * The litmus table: the classic shapes under each access mode, with exactly the outcomes refcheck's weak memory
 * model reaches, checked against what the Java memory model and the VarHandle specification allow, and against
 * jcstress's samples where they cover the shape (jcstress-samples, org.openjdk.jcstress.samples.jmm.basic):
 * BasicJMM_05_Coherence (opaque and volatile reads of one variable never see (1, 0)), BasicJMM_06_Causality
 * (message passing: (1, 0) forbidden behind a volatile guard) and BasicJMM_07_Consensus (Dekker, that is store
 * buffering: (0, 0) allowed for acquire/release, forbidden for volatile).
 *
 * <p>Plain accesses to shared cells that conflict without happens-before are data races: refcheck reports them
 * instead of guessing values (the JMM gives racy plain reads almost any value). Load buffering's (1, 1) is allowed
 * by the JMM for opaque accesses but never reached here: the model, as RC11 and GenMC, keeps program order and
 * reads-from acyclic (a load never reads a store that did not run before it in the schedule).
 */
class LitmusTableTest {

    private static final MemoryModel WEAK = MemoryModel.WEAK;

    /** x = 1; y = 1 || r1 = y; r2 = x. */
    private static Set<String> messagePassing(Mode m) {
        return outcomes(WEAK, 2,
                (x, y, out) -> { m.set(x, 1); m.set(y, 1); },
                (x, y, out) -> { out[0] = m.get(y); out[1] = m.get(x); });
    }

    @Test
    void messagePassing() {
        assertEquals(set("race"), messagePassing(Mode.PLAIN));
        assertEquals(set("0 0", "0 1", "1 0", "1 1"), messagePassing(Mode.OPAQUE));
        assertEquals(set("0 0", "0 1", "1 1"), messagePassing(Mode.RELEASE_ACQUIRE));
        assertEquals(set("0 0", "0 1", "1 1"), messagePassing(Mode.VOLATILE));
    }

    @Test
    void messagePassingOfPlainDataOverAReleaseAcquireFlagIsRaceFreeAndOrdered() {
        Set<String> seen = outcomes(WEAK, 2,
                (x, y, out) -> { x.setPlain(1); y.setRelease(1); },
                (x, y, out) -> { out[0] = y.getAcquire(); out[1] = out[0] == 1 ? x.getPlain() : -1; });
        assertEquals(set("0 -1", "1 1"), seen);
    }

    @Test
    void messagePassingOverAnOpaqueFlagWithFences() {
        Set<String> seen = outcomes(WEAK, 2,
                (x, y, out) -> { x.setOpaque(1); org.refcheck.sync.Fences.release(); y.setOpaque(1); },
                (x, y, out) -> { out[0] = y.getOpaque(); org.refcheck.sync.Fences.acquire(); out[1] = x.getOpaque(); });
        assertEquals(set("0 0", "0 1", "1 1"), seen);
    }

    /**
     * x = 1; y = 1; fence || fence; r1 = y; r2 = x: a fence after both stores orders neither, so (1, 0) is allowed,
     * but only in executions whose reader's fence comes first in the fence order: exploration has to try both
     * orders of the two fences (brute force agrees).
     */
    @Test
    void aFenceAfterTheStoresOrdersNeitherOfThem() {
        Litmus.Body writer = (x, y, out) -> { x.setOpaque(1); y.setOpaque(1); Litmus.fence(); };
        Litmus.Body reader = (x, y, out) -> { Litmus.fence(); out[0] = y.getOpaque(); out[1] = x.getOpaque(); };
        Set<String> dpor = outcomes(WEAK, 2, writer, reader);
        assertEquals(set("0 0", "0 1", "1 0", "1 1"), dpor);
        assertEquals(dpor, outcomes(WEAK, org.refcheck.model.Model.Strategy.NAIVE, 2, writer, reader));
    }

    /** x = 1; r1 = y || y = 1; r2 = x. */
    private static Set<String> storeBuffering(Mode m, boolean fenced) {
        return outcomes(WEAK, 2,
                (x, y, out) -> { m.set(x, 1); if (fenced) { Litmus.fence(); } out[0] = m.get(y); },
                (x, y, out) -> { m.set(y, 1); if (fenced) { Litmus.fence(); } out[1] = m.get(x); });
    }

    @Test
    void storeBuffering() {
        assertEquals(set("race"), storeBuffering(Mode.PLAIN, false));
        assertEquals(set("0 0", "0 1", "1 0", "1 1"), storeBuffering(Mode.OPAQUE, false));
        assertEquals(set("0 0", "0 1", "1 0", "1 1"), storeBuffering(Mode.RELEASE_ACQUIRE, false));
        assertEquals(set("0 1", "1 0", "1 1"), storeBuffering(Mode.VOLATILE, false));
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"OPAQUE", "RELEASE_ACQUIRE", "VOLATILE"})
    void fullFencesForbidStoreBuffering(Mode m) {
        assertEquals(set("0 1", "1 0", "1 1"), storeBuffering(m, true));
    }

    /** r1 = x; y = 1 || r2 = y; x = 1. */
    private static Set<String> loadBuffering(Mode m) {
        return outcomes(WEAK, 2,
                (x, y, out) -> { out[0] = m.get(x); m.set(y, 1); },
                (x, y, out) -> { out[1] = m.get(y); m.set(x, 1); });
    }

    @Test
    void loadBuffering() {
        assertEquals(set("race"), loadBuffering(Mode.PLAIN));
        for (Mode m : new Mode[] {Mode.OPAQUE, Mode.RELEASE_ACQUIRE, Mode.VOLATILE}) {
            assertEquals(set("0 0", "0 1", "1 0"), loadBuffering(m), m.name());
        }
    }

    /** x = 1 || y = 1 || r1 = x; r2 = y || r3 = y; r4 = x. */
    private static Set<String> iriw(Mode m) {
        return outcomes(WEAK, 4,
                (x, y, out) -> m.set(x, 1),
                (x, y, out) -> m.set(y, 1),
                (x, y, out) -> { out[0] = m.get(x); out[1] = m.get(y); },
                (x, y, out) -> { out[2] = m.get(y); out[3] = m.get(x); });
    }

    @Test
    void independentReadsOfIndependentWrites() {
        assertEquals(set("race"), iriw(Mode.PLAIN));
        assertEquals(true, iriw(Mode.OPAQUE).contains("1 0 1 0"), "non-multi-copy-atomic outcome under opaque");
        assertEquals(true, iriw(Mode.RELEASE_ACQUIRE).contains("1 0 1 0"), "allowed for acquire loads");
        Set<String> volatiles = iriw(Mode.VOLATILE);
        assertEquals(false, volatiles.contains("1 0 1 0"), "forbidden for volatile: " + volatiles);
        assertEquals(15, volatiles.size(), volatiles.toString());
        assertEquals(16, iriw(Mode.OPAQUE).size());
    }

    /** x = 1; x = 2 || r1 = x; r2 = x (write-write and read-read coherence). */
    private static Set<String> coherence(Mode m) {
        return outcomes(WEAK, 2,
                (x, y, out) -> { m.set(x, 1); m.set(x, 2); },
                (x, y, out) -> { out[0] = m.get(x); out[1] = m.get(x); });
    }

    @Test
    void coherenceOfReadsAndWrites() {
        assertEquals(set("race"), coherence(Mode.PLAIN));
        for (Mode m : new Mode[] {Mode.OPAQUE, Mode.RELEASE_ACQUIRE, Mode.VOLATILE}) {
            assertEquals(set("0 0", "0 1", "0 2", "1 1", "1 2", "2 2"), coherence(m), m.name());
        }
    }

    /** x = 1; r1 = x || x = 2 (a thread reads its own store or a later one: write-read coherence). */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"OPAQUE", "RELEASE_ACQUIRE", "VOLATILE"})
    void coherenceOfAWriteAndALaterRead(Mode m) {
        Set<String> seen = outcomes(WEAK, 1,
                (x, y, out) -> { m.set(x, 1); out[0] = m.get(x); },
                (x, y, out) -> m.set(x, 2));
        assertEquals(set("1", "2"), seen);
    }

    /** r1 = x; x = 1 || x = 2 (a thread never reads a store its own later store precedes: read-write coherence). */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"OPAQUE", "RELEASE_ACQUIRE", "VOLATILE"})
    void coherenceOfAReadAndALaterWrite(Mode m) {
        Set<String> seen = outcomes(WEAK, 2,
                (x, y, out) -> { out[0] = m.get(x); m.set(x, 1); out[1] = m.get(x); },
                (x, y, out) -> m.set(x, 2));
        assertEquals(set("0 1", "0 2", "2 1"), seen);
    }

    @Test
    void sequentialConsistencyReachesOnlyInterleavingOutcomes() {
        Mode m = Mode.OPAQUE;
        assertEquals(set("0 0", "0 1", "1 1"), outcomes(MemoryModel.SC, 2,
                (x, y, out) -> { m.set(x, 1); m.set(y, 1); },
                (x, y, out) -> { out[0] = m.get(y); out[1] = m.get(x); }));
        assertEquals(set("0 1", "1 0", "1 1"), outcomes(MemoryModel.SC, 2,
                (x, y, out) -> { m.set(x, 1); out[0] = m.get(y); },
                (x, y, out) -> { m.set(y, 1); out[1] = m.get(x); }));
    }
}
