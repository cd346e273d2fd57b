package org.refcheck.stress.arc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.ArcScheme;
import org.refcheck.protocols.arc.Weak;
import org.refcheck.protocols.arc.mutant.DropReadsInnerAfterDecrement;
import org.refcheck.protocols.arc.mutant.DropWithoutAcquireFence;
import org.refcheck.protocols.arc.mutant.GetMutWithoutWeakLock;
import org.refcheck.protocols.arc.mutant.IsUniqueRelaxedStrongLoad;
import org.refcheck.protocols.arc.mutant.UpgradeWithFetchAdd;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;

/**
 * Lifetime races of Rust std's {@code Arc}/{@code Weak} ({@code arc-weak}) under {@code Lincheck.runConcurrentTest}:
 * two threads race on one allocation, every interleaving Lincheck explores is checked by the lifetime tracker, and
 * every verdict is asserted on the main thread after both threads joined ({@link ConcurrentRun}), because Lincheck
 * ignores what the threads a test spawns throw.
 *
 * <p>Five races, each run against std (which must survive all of them) and against the mutant it exposes:
 * <ul>
 *   <li>{@link #upgradeRacesLastDrop}: B10 revives the dead value (resurrection, double destroy);</li>
 *   <li>{@link #lastDropsRace}: B11 reads the allocation after its non-final decrement (use after free);</li>
 *   <li>{@link #getMutRacesUpgrade}: B8 hands out the value for mutation while the other thread holds an upgraded
 *       {@code Arc}; no lifetime rule breaks, so the main thread checks the aliasing itself;</li>
 *   <li>{@link #destructorSeesHolderWrite} (B7) and {@link #holderReadPrecedesGetMutWrite} (B9): the payload accesses
 *       that the missing acquire leaves unordered. Lincheck explores sequentially consistent interleavings only, in
 *       which both mutants behave like std; these tests record what it concluded.</li>
 * </ul>
 * Lincheck's exploration is bounded: it tries every interleaving with few preemptions first (iterative context
 * bounding) and stops at the invocation budget; each mutant here needs a single preemption (B8: two).
 */
@Tag("lincheck")
class ArcWeakLifetimeLincheckTest {

    // ---- the races ----------------------------------------------------------------------------------------------

    /** Thread 1 drops the last {@code Arc}; thread 2 upgrades its {@code Weak}, uses and drops what it got, drops the {@code Weak}. */
    static void upgradeRacesLastDrop(ArcScheme scheme) {
        LifetimeTracker heap = new LifetimeTracker();
        Arc<ArcPayload> arc = Arc.create(heap, new ArcPayload(), scheme);
        Weak<ArcPayload> weak = arc.downgrade();
        ConcurrentRun.inThreads(heap, arc::drop, () -> {
            Arc<ArcPayload> again = weak.upgrade();
            if (again != null) {
                again.get().read();
                again.drop();
            }
            weak.drop();
        });
    }

    /** Two holders drop their {@code Arc}s at once; no {@code Weak} exists, so the last drop frees the allocation. */
    static void lastDropsRace(ArcScheme scheme) {
        LifetimeTracker heap = new LifetimeTracker();
        Arc<ArcPayload> first = Arc.create(heap, new ArcPayload(), scheme);
        Arc<ArcPayload> second = first.clone();
        ConcurrentRun.inThreads(heap, first::drop, second::drop);
    }

    /**
     * Thread 1 owns the only {@code Arc} and calls {@code get_mut}, writing the value if it got it; thread 2 upgrades
     * its {@code Weak}, drops the {@code Weak} and keeps the upgraded {@code Arc} until both threads are done. Since
     * thread 2's {@code Weak} exists until it holds an {@code Arc}, a correct {@code get_mut} can never succeed here;
     * a value returned while thread 2's upgrade succeeded is aliased mutable access.
     */
    static void getMutRacesUpgrade(ArcScheme scheme) {
        LifetimeTracker heap = new LifetimeTracker();
        Arc<ArcPayload> only = Arc.create(heap, new ArcPayload(), scheme);
        Weak<ArcPayload> weak = only.downgrade();
        ArcPayload[] mutable = new ArcPayload[1];
        @SuppressWarnings("unchecked")
        Arc<ArcPayload>[] upgraded = new Arc[1];
        ConcurrentRun.inThreadsNoLeakCheck(heap, () -> {
            mutable[0] = only.getMut();
            if (mutable[0] != null) {
                mutable[0].write(1);
            }
        }, () -> {
            upgraded[0] = weak.upgrade();
            weak.drop();
        });
        boolean aliased = mutable[0] != null && upgraded[0] != null;
        if (upgraded[0] != null) {
            upgraded[0].drop();
        }
        only.drop();
        if (aliased) {
            throw new AssertionError("get_mut returned the value for mutation while thread 2 held an Arc upgraded "
                    + "from its Weak: aliased mutable access (strong count was 2 while thread 1 had &mut)");
        }
        ConcurrentRun.assertNoViolations(heap.finish());
    }

    /**
     * Thread 1 writes the value and drops its {@code Arc}; thread 2 drops the other one. Whichever drop is last runs
     * the destructor, which must see thread 1's write: the release decrement and the acquire fence order it.
     */
    static void destructorSeesHolderWrite(ArcScheme scheme) {
        LifetimeTracker heap = new LifetimeTracker();
        ArcPayload payload = new ArcPayload();
        Arc<ArcPayload> writer = Arc.create(heap, payload, scheme);
        Arc<ArcPayload> other = writer.clone();
        ConcurrentRun.inThreads(heap, () -> {
            writer.get().write(1);
            writer.drop();
        }, other::drop);
        if (payload.seenByDestructor() != 1) {
            throw new AssertionError("the destructor read " + payload.seenByDestructor()
                    + ", missing a holder's write made before its drop");
        }
    }

    /**
     * Thread 2 reads the value and drops its {@code Arc}; thread 1 calls {@code get_mut} and writes the value if it
     * got it. A successful {@code get_mut} comes after thread 2's drop, so thread 2's read must not see its write.
     */
    static void holderReadPrecedesGetMutWrite(ArcScheme scheme) {
        LifetimeTracker heap = new LifetimeTracker();
        Arc<ArcPayload> owner = Arc.create(heap, new ArcPayload(), scheme);
        Arc<ArcPayload> reader = owner.clone();
        int[] read = new int[1];
        ConcurrentRun.inThreadsNoLeakCheck(heap, () -> {
            ArcPayload mutable = owner.getMut();
            if (mutable != null) {
                mutable.write(1);
            }
        }, () -> {
            read[0] = reader.get().read();
            reader.drop();
        });
        owner.drop();
        if (read[0] != 0) {
            throw new AssertionError("a holder's read before its drop saw the write get_mut made after that drop");
        }
        ConcurrentRun.assertNoViolations(heap.finish());
    }

    /*
     * A tenth of the configured invocations (200). runConcurrentTest also explores the standard-library code the
     * threads run (thread start and join, the tracker's queues), so an invocation of these races costs 20-60 ms of
     * CPU (2 CPUs, JDK 17; the upper figure on a busy shared host). The mutants are found within 10 invocations.
     */
    private static final int RACE_INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 10);

    private static LincheckVerdicts.Check explore(Runnable race) {
        return () -> Lincheck.runConcurrentTest(RACE_INVOCATIONS, race);
    }

    // ---- std survives every race --------------------------------------------------------------------------------

    @Test
    @Checks(protocol = "arc-weak", variant = "correct")
    void stdUpgradeNeverRevivesTheLastDrop() {
        LincheckVerdicts.expectPasses(explore(() -> upgradeRacesLastDrop(ArcScheme.STD)));
    }

    @Test
    @Checks(protocol = "arc-weak", variant = "correct")
    void stdRacingLastDropsFreeOnceAndTouchNothingAfter() {
        LincheckVerdicts.expectPasses(explore(() -> lastDropsRace(ArcScheme.STD)));
    }

    @Test
    @Checks(protocol = "arc-weak", variant = "correct")
    void stdGetMutNeverAliasesAnUpgradedArc() {
        LincheckVerdicts.expectPasses(explore(() -> getMutRacesUpgrade(ArcScheme.STD)));
    }

    @Test
    @Checks(protocol = "arc-weak", variant = "correct")
    void stdDestructorSeesHolderWrite() {
        LincheckVerdicts.expectPasses(explore(() -> destructorSeesHolderWrite(ArcScheme.STD)));
    }

    @Test
    @Checks(protocol = "arc-weak", variant = "correct")
    void stdHolderReadPrecedesGetMutWrite() {
        LincheckVerdicts.expectPasses(explore(() -> holderReadPrecedesGetMutWrite(ArcScheme.STD)));
    }

    // ---- the mutants visible under sequential consistency -------------------------------------------------------

    @Test
    @Checks(protocol = "arc-weak", variant = "upgrade-fetch-add")
    void upgradeFetchAddRevivesTheLastDrop() {
        var o = LincheckVerdicts.expectCaught(explore(() -> upgradeRacesLastDrop(new UpgradeWithFetchAdd())));
        assertTrue(o.failureText().contains("resurrection"), o.failureText());
    }

    @Test
    @Checks(protocol = "arc-weak", variant = "touch-after-dec")
    void touchAfterDecUsesTheFreedAllocation() {
        var o = LincheckVerdicts.expectCaught(explore(() -> lastDropsRace(new DropReadsInnerAfterDecrement())));
        assertTrue(o.failureText().contains("use after free"), o.failureText());
    }

    @Test
    @Checks(protocol = "arc-weak", variant = "get-mut-two-loads")
    void getMutTwoLoadsAliasesAnUpgradedArc() {
        var o = LincheckVerdicts.expectCaught(explore(() -> getMutRacesUpgrade(new GetMutWithoutWeakLock())));
        assertTrue(o.failureText().contains("aliased mutable access"), o.failureText());
    }

    // ---- weak-memory mutants: recorded, not expected ------------------------------------------------------------

    @Test
    @Checks(protocol = "arc-weak", variant = "drop-without-acquire-fence")
    void dropWithoutAcquireFenceUnderSequentialConsistency() {
        LincheckVerdicts.observe(explore(() -> destructorSeesHolderWrite(new DropWithoutAcquireFence())));
    }

    @Test
    @Checks(protocol = "arc-weak", variant = "get-mut-relaxed-strong")
    void getMutRelaxedStrongUnderSequentialConsistency() {
        LincheckVerdicts.observe(explore(() -> holderReadPrecedesGetMutWrite(new IsUniqueRelaxedStrongLoad())));
    }
}
