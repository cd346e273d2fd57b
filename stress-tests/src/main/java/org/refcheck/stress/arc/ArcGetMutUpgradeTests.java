package org.refcheck.stress.arc;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIL_Result;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.ArcScheme;
import org.refcheck.protocols.arc.Weak;
import org.refcheck.protocols.arc.mutant.GetMutWithoutWeakLock;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * {@code Arc::get_mut} against {@code Weak::upgrade}: the owner of the only {@code Arc} asks for the value to
 * mutate it, while the holder of the only {@code Weak} upgrades it and drops the {@code Weak}, keeping the upgraded
 * {@code Arc}. Whatever the interleaving the upgraded {@code Arc} exists by the end, so {@code getMut} must refuse:
 * while the {@code Weak} exists std's weak-count lock fails, and once it is gone the strong count is 2.
 *
 * <p>Every variant reports {@code getMut returned the value, upgraded, lifetime findings}. Each actor is nothing but
 * its side of the race, to give the mutant's narrow window every chance. The mutant runs the same two actors on its
 * own {@link ArcScheme}:
 * <ul>
 *   <li>{@link GetMutTwoLoads} (B8): {@code is_unique} loads {@code strong} and {@code weak} separately, without the
 *       lock, so an upgrade and a {@code Weak} drop that both fall between the two loads make {@code getMut} hand out
 *       the value while another {@code Arc} holds it: aliased mutable access.</li>
 * </ul>
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t ArcGetMutUpgradeTests}
 */
public final class ArcGetMutUpgradeTests {

    private ArcGetMutUpgradeTests() {
    }

    /** The race every variant runs: the only {@code Arc} and the only {@code Weak}, each in its own thread. */
    abstract static class ArcAndWeak {
        final LifetimeTracker heap = new LifetimeTracker();
        final Arc<Payload> owner;
        final Weak<Payload> weak;
        Arc<Payload> upgraded;

        ArcAndWeak(ArcScheme scheme) {
            owner = Arc.create(heap, "value", new Payload(), scheme);
            weak = owner.downgrade();
        }

        void askForMut(IIL_Result r) {
            r.r1 = owner.getMut() != null ? 1 : 0;
        }

        void upgradeAndDropWeak(IIL_Result r) {
            Arc<Payload> up = weak.upgrade();
            weak.drop();
            upgraded = up;
            r.r2 = up != null ? 1 : 0;
        }

        void verdict(IIL_Result r) {
            if (upgraded != null) {
                upgraded.drop();
            }
            owner.drop();
            r.r3 = LifetimeFindings.finish(heap);
        }
    }

    /**
     * Rust std's protocol: {@code is_unique} locks the weak count around its strong check.
     *
     * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t ArcGetMutUpgradeTests.Correct}
     */
    @JCStressTest
    @Checks(protocol = "arc-weak", variant = "correct")
    @Description("getMut on the only Arc while its Weak is upgraded and dropped: getMut always refuses.")
    @Ref("https://github.com/rust-lang/rust/blob/master/library/alloc/src/sync.rs")
    @Outcome(id = "0, 1, clean", expect = ACCEPTABLE,
            desc = "getMut refused: the Weak, or the Arc upgraded from it, existed when it looked")
    @Outcome(id = "1, 1, clean", expect = FORBIDDEN,
            desc = "getMut handed out the value for mutation while an Arc upgraded from the Weak held it: aliasing")
    @Outcome(expect = FORBIDDEN,
            desc = "the upgrade failed although the owner's Arc was alive, or a lifetime violation")
    @State
    public static class Correct extends ArcAndWeak {

        public Correct() {
            super(ArcScheme.STD);
        }

        /** The owner of the only Arc calls getMut. */
        @Actor
        public void ownerGetsMut(IIL_Result r) {
            askForMut(r);
        }

        /** The weak holder upgrades, drops its Weak and keeps the upgraded Arc. */
        @Actor
        public void weakHolderUpgrades(IIL_Result r) {
            upgradeAndDropWeak(r);
        }

        /** Drops what is left and reports the lifetime findings. */
        @Arbiter
        public void arbiter(IIL_Result r) {
            verdict(r);
        }
    }

    /**
     * B8: {@code is_unique} as two separate loads, without the weak-count lock.
     *
     * <p>How to run this test:
     * {@code java -jar stress-tests/target/jcstress.jar -t ArcGetMutUpgradeTests.GetMutTwoLoads}
     */
    @JCStressTest
    @Checks(protocol = "arc-weak", variant = "get-mut-two-loads")
    @Description("B8: getMut checks strong and weak with two loads while the Weak is upgraded and dropped.")
    @Ref("https://github.com/rust-lang/rust/issues/24880")
    @Outcome(id = "0, 1, clean", expect = ACCEPTABLE,
            desc = "getMut refused: its two loads did not straddle both the upgrade and the Weak's drop")
    @Outcome(id = "1, 1, clean", expect = ACCEPTABLE_INTERESTING,
            desc = "getMut handed out the value for mutation while an Arc upgraded from the Weak held it: aliasing")
    @Outcome(expect = FORBIDDEN,
            desc = "the upgrade failed although the owner's Arc was alive, or a lifetime violation")
    @State
    public static class GetMutTwoLoads extends ArcAndWeak {

        public GetMutTwoLoads() {
            super(new GetMutWithoutWeakLock());
        }

        /** The owner of the only Arc calls getMut. */
        @Actor
        public void ownerGetsMut(IIL_Result r) {
            askForMut(r);
        }

        /** The weak holder upgrades, drops its Weak and keeps the upgraded Arc. */
        @Actor
        public void weakHolderUpgrades(IIL_Result r) {
            upgradeAndDropWeak(r);
        }

        /** Drops what is left and reports the lifetime findings. */
        @Arbiter
        public void arbiter(IIL_Result r) {
            verdict(r);
        }
    }
}
