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
import org.refcheck.protocols.arc.mutant.IsUniqueRelaxedStrongLoad;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * {@code Arc::get_mut} against another holder's read and drop: one thread calls {@code getMut} on its {@code Arc}
 * and, if it gets the value, writes it; the other reads the value through its clone and drops the clone. If
 * {@code getMut} succeeds it saw the other drop's release decrement, and its acquire load of {@code strong} orders the
 * other thread's read before the write: the read can never see the value written after it.
 *
 * <p>Every variant reports {@code getMut wrote, the other holder read the written value, lifetime findings}. The
 * mutant runs the same two actors on its own {@link ArcScheme}:
 * <ul>
 *   <li>{@link GetMutRelaxedStrong} (B9): {@code is_unique} loads {@code strong} with Relaxed (opaque), so nothing
 *       orders the other holder's read before the write, and the read may return the later write. Weak memory only:
 *       on x86 (TSO) a load is never reordered with the holder's later locked decrement, so this test records that
 *       the early read does not show there.</li>
 * </ul>
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t ArcGetMutDropTests}
 */
public final class ArcGetMutDropTests {

    private ArcGetMutDropTests() {
    }

    /** The value {@code getMut}'s owner writes once it holds the only reference. */
    static final int WRITTEN = 1;

    /** The race every variant runs: two clones of one {@code Arc}, one asking for {@code getMut}. */
    abstract static class OwnerAndReader {
        final LifetimeTracker heap = new LifetimeTracker();
        final Arc<Payload> owner;
        final Arc<Payload> reader;

        OwnerAndReader(ArcScheme scheme) {
            owner = Arc.create(heap, "value", new Payload(), scheme);
            reader = owner.clone();
        }

        void getMutAndWrite(IIL_Result r) {
            Payload mutable = owner.getMut();
            if (mutable != null) {
                mutable.write(WRITTEN);
                r.r1 = 1;
            }
        }

        void readAndDrop(IIL_Result r) {
            r.r2 = reader.get().read() == WRITTEN ? 1 : 0;
            reader.drop();
        }

        void verdict(IIL_Result r) {
            owner.drop();
            r.r3 = LifetimeFindings.finish(heap);
        }
    }

    /**
     * Rust std's protocol: {@code is_unique} loads {@code strong} with Acquire.
     *
     * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t ArcGetMutDropTests.Correct}
     */
    @JCStressTest
    @Checks(protocol = "arc-weak", variant = "correct")
    @Description("getMut writes the value while another holder reads it and drops its Arc: the read never sees it.")
    @Ref("https://github.com/rust-lang/rust/blob/master/library/alloc/src/sync.rs")
    @Outcome(id = "0, 0, clean", expect = ACCEPTABLE,
            desc = "getMut refused: the other holder had not dropped its Arc yet")
    @Outcome(id = "1, 0, clean", expect = ACCEPTABLE,
            desc = "getMut succeeded after the other holder dropped, and that holder's read came before the write")
    @Outcome(id = "1, 1, clean", expect = FORBIDDEN,
            desc = "the other holder's read, made before its drop, returned the value getMut wrote after that drop")
    @Outcome(expect = FORBIDDEN,
            desc = "the value was read as written without getMut succeeding, or a lifetime violation")
    @State
    public static class Correct extends OwnerAndReader {

        public Correct() {
            super(ArcScheme.STD);
        }

        /** The owner calls getMut and writes the value if it got it. */
        @Actor
        public void ownerGetsMutAndWrites(IIL_Result r) {
            getMutAndWrite(r);
        }

        /** The other holder reads the value, then drops its Arc. */
        @Actor
        public void otherHolderReadsAndDrops(IIL_Result r) {
            readAndDrop(r);
        }

        /** Drops the owner's Arc and reports the lifetime findings. */
        @Arbiter
        public void arbiter(IIL_Result r) {
            verdict(r);
        }
    }

    /**
     * B9: {@code is_unique} loads {@code strong} with Relaxed. Not expected on x86: the catalogue marks this cell
     * NOT_EXPECTED, and the test records how many samples ran without the early read.
     *
     * <p>How to run this test:
     * {@code java -jar stress-tests/target/jcstress.jar -t ArcGetMutDropTests.GetMutRelaxedStrong}
     */
    @JCStressTest
    @Checks(protocol = "arc-weak", variant = "get-mut-relaxed-strong")
    @Description("B9: getMut loads strong with Relaxed and writes while another holder reads and drops its Arc.")
    @Ref("https://github.com/rust-lang/rust/issues/51780")
    @Outcome(id = "0, 0, clean", expect = ACCEPTABLE,
            desc = "getMut refused: the other holder had not dropped its Arc yet")
    @Outcome(id = "1, 0, clean", expect = ACCEPTABLE,
            desc = "getMut succeeded after the other holder dropped, and that holder's read came before the write")
    @Outcome(id = "1, 1, clean", expect = ACCEPTABLE_INTERESTING,
            desc = "the other holder's read returned getMut's later write: the relaxed load acquired nothing")
    @Outcome(expect = FORBIDDEN,
            desc = "the value was read as written without getMut succeeding, or a lifetime violation")
    @State
    public static class GetMutRelaxedStrong extends OwnerAndReader {

        public GetMutRelaxedStrong() {
            super(new IsUniqueRelaxedStrongLoad());
        }

        /** The owner calls getMut and writes the value if it got it. */
        @Actor
        public void ownerGetsMutAndWrites(IIL_Result r) {
            getMutAndWrite(r);
        }

        /** The other holder reads the value, then drops its Arc. */
        @Actor
        public void otherHolderReadsAndDrops(IIL_Result r) {
            readAndDrop(r);
        }

        /** Drops the owner's Arc and reports the lifetime findings. */
        @Arbiter
        public void arbiter(IIL_Result r) {
            verdict(r);
        }
    }
}
