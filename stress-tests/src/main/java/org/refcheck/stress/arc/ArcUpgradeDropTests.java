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
import org.refcheck.protocols.arc.mutant.UpgradeWithFetchAdd;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * {@code Weak::upgrade} against the last strong drop: one thread drops the only {@code Arc}, the other upgrades its
 * {@code Weak}, uses and drops the upgraded {@code Arc}, then drops the {@code Weak}. The upgrade either comes first
 * (and its {@code Arc} keeps the value alive) or is refused; it must never take the strong count from zero back to
 * one.
 *
 * <p>Every variant reports {@code upgraded, destructor runs, lifetime findings}. The mutant runs the same two actors
 * on its own {@link ArcScheme}:
 * <ul>
 *   <li>{@link UpgradeFetchAdd} (B10): the upgrade is a {@code fetch_add} checked only for overflow, so after the last
 *       drop it revives the value: resurrection, use after destroy, and a second destruction.</li>
 * </ul>
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t ArcUpgradeDropTests}
 */
public final class ArcUpgradeDropTests {

    private ArcUpgradeDropTests() {
    }

    /** The race every variant runs: the last {@code Arc} and a {@code Weak} to it, each in its own thread. */
    abstract static class LastArcAndWeak {
        final LifetimeTracker heap = new LifetimeTracker();
        final Payload payload = new Payload();
        final Arc<Payload> last;
        final Weak<Payload> weak;

        LastArcAndWeak(ArcScheme scheme) {
            last = Arc.create(heap, "value", payload, scheme);
            weak = last.downgrade();
        }

        void lastHolder() {
            last.drop();
        }

        void weakHolder(IIL_Result r) {
            Arc<Payload> upgraded = weak.upgrade();
            if (upgraded != null) {
                upgraded.get().read();
                upgraded.drop();
                r.r1 = 1;
            }
            weak.drop();
        }

        void verdict(IIL_Result r) {
            r.r2 = payload.destructorRuns();
            r.r3 = LifetimeFindings.finish(heap);
        }
    }

    /**
     * Rust std's protocol: the upgrade's CAS loop refuses a zero count.
     *
     * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t ArcUpgradeDropTests.Correct}
     */
    @JCStressTest
    @Checks(protocol = "arc-weak", variant = "correct")
    @Description("A Weak upgrades while the last Arc drops: the upgrade comes first or is refused, never revives.")
    @Ref("https://github.com/rust-lang/rust/blob/master/library/alloc/src/sync.rs")
    @Outcome(id = "0, 1, clean", expect = ACCEPTABLE,
            desc = "the upgrade came after the last drop and was refused; the value was destroyed once")
    @Outcome(id = "1, 1, clean", expect = ACCEPTABLE,
            desc = "the upgrade came first; the upgraded Arc kept the value alive and its drop destroyed it once")
    @Outcome(id = "1, 2, .*resurrection", expect = FORBIDDEN,
            desc = "the upgrade took the strong count from zero to one: the value was revived and destroyed twice")
    @Outcome(expect = FORBIDDEN,
            desc = "the value was destroyed twice or never, used after its destruction, or the allocation leaked")
    @State
    public static class Correct extends LastArcAndWeak {

        public Correct() {
            super(ArcScheme.STD);
        }

        /** The last strong holder drops its Arc. */
        @Actor
        public void lastHolderDrops() {
            lastHolder();
        }

        /** The weak holder upgrades, uses and drops the upgraded Arc, then drops its Weak. */
        @Actor
        public void weakHolderUpgrades(IIL_Result r) {
            weakHolder(r);
        }

        /** Destructor runs and lifetime findings, after both threads. */
        @Arbiter
        public void arbiter(IIL_Result r) {
            verdict(r);
        }
    }

    /**
     * B10: {@code Weak::upgrade} as an unconditional {@code fetch_add}.
     *
     * <p>How to run this test:
     * {@code java -jar stress-tests/target/jcstress.jar -t ArcUpgradeDropTests.UpgradeFetchAdd}
     */
    @JCStressTest
    @Checks(protocol = "arc-weak", variant = "upgrade-fetch-add")
    @Description("B10: a Weak upgrades with fetch_add while the last Arc drops, and revives the dying value.")
    @Ref("https://github.com/rust-lang/rust/blob/master/library/alloc/src/sync.rs")
    @Outcome(id = "1, 1, clean", expect = ACCEPTABLE,
            desc = "the upgrade came first, on a live count; the upgraded Arc's drop destroyed the value once")
    @Outcome(id = "1, 2, .*resurrection", expect = ACCEPTABLE_INTERESTING,
            desc = "the upgrade took the strong count from zero to one: the value was revived and destroyed twice")
    @Outcome(expect = FORBIDDEN,
            desc = "the fetch_add upgrade was refused, or another lifetime violation without a resurrection")
    @State
    public static class UpgradeFetchAdd extends LastArcAndWeak {

        public UpgradeFetchAdd() {
            super(new UpgradeWithFetchAdd());
        }

        /** The last strong holder drops its Arc. */
        @Actor
        public void lastHolderDrops() {
            lastHolder();
        }

        /** The weak holder upgrades, uses and drops the upgraded Arc, then drops its Weak. */
        @Actor
        public void weakHolderUpgrades(IIL_Result r) {
            weakHolder(r);
        }

        /** Destructor runs and lifetime findings, after both threads. */
        @Arbiter
        public void arbiter(IIL_Result r) {
            verdict(r);
        }
    }
}
