package org.refcheck.stress.cdev;

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
import org.openjdk.jcstress.infra.results.L_Result;
import org.refcheck.protocols.cdev.CharDevice;
import org.refcheck.protocols.cdev.PercpuCallGate;
import org.refcheck.protocols.cdev.mutant.UnfencedPercpuCallGate;
import org.refcheck.stress.catalogue.Checks;

/**
 * A user's ioctl races the disconnect on the lock-free per-CPU call count: Dekker's pattern, where the entry
 * stores its counter then loads the flag and the disconnect stores the flag then loads the counter. With a full
 * barrier between each store and load one side always sees the other; without it (B17) x86's store buffer lets
 * both loads miss both stores, the one reordering TSO allows, so the disconnect unregisters the hardware under a
 * call that believes the device connected.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t CdevPercpuStoreBufferingTests}
 */
public final class CdevPercpuStoreBufferingTests {

    private CdevPercpuStoreBufferingTests() {
    }

    /** The correct gate: full barriers on both sides. */
    @JCStressTest
    @Checks(protocol = "cdev-percpu", variant = "correct")
    @Description("Entry and disconnect each put a full barrier between their store and their load of the other "
            + "side's variable: the ioctl is refused or waited for.")
    @Ref("include/linux/percpu-refcount.h; kernel/rcu/srcutree.c (smp_mb A and B)")
    @Outcome(id = "called, drained, clean", expect = ACCEPTABLE,
            desc = "the ioctl's counter was seen by the disconnect, which waited for it")
    @Outcome(id = "refused, drained, clean", expect = ACCEPTABLE, desc = "the ioctl saw the flag and backed out")
    @Outcome(expect = FORBIDDEN, desc = "both sides missed each other: a call on unregistered hardware")
    @State
    public static class Fenced {

        private final CallVsDisconnect race = new CallVsDisconnect(
                (heap, label) -> new PercpuCallGate(label, 1), CharDevice::new);

        /** The user: ioctl on CPU 0, then close. */
        @Actor
        public void user() {
            race.user();
        }

        /** The driver's remove. */
        @Actor
        public void disconnect() {
            race.disconnect();
        }

        /** Call result, disconnect result, lifetime findings. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }

    /** Mutant B17: no barriers ({@link UnfencedPercpuCallGate}). */
    @JCStressTest
    @Checks(protocol = "cdev-percpu", variant = "no-full-barrier")
    @Description("Without the full barriers, store buffering lets the ioctl miss the flag while the disconnect "
            + "misses the ioctl's counter: the hardware is unregistered under the call.")
    @Ref("include/linux/percpu-refcount.h; kernel/rcu/srcutree.c (smp_mb A and B)")
    @Outcome(id = "called, drained, clean", expect = ACCEPTABLE,
            desc = "the ioctl's counter was seen by the disconnect, which waited for it")
    @Outcome(id = "refused, drained, clean", expect = ACCEPTABLE, desc = "the ioctl saw the flag and backed out")
    @Outcome(id = "called, call in flight, use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "store buffering: both loads missed both stores; the disconnect found no counter raised, "
                    + "unregistered the hardware with the call inside the driver, and the call touched it")
    @Outcome(id = "called, drained, use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "store buffering: both loads missed both stores; the call reached the driver after the "
                    + "hardware was unregistered and touched it")
    @Outcome(id = "called, call in flight, clean", expect = ACCEPTABLE_INTERESTING,
            desc = "store buffering: the disconnect returned with the call inside the driver")
    @Outcome(expect = FORBIDDEN, desc = "a violation other than a use of the unregistered hardware")
    @State
    public static class Unfenced {

        private final CallVsDisconnect race = new CallVsDisconnect(
                (heap, label) -> new UnfencedPercpuCallGate(label, 1), CharDevice::new);

        /** The user: ioctl on CPU 0, then close. */
        @Actor
        public void user() {
            race.user();
        }

        /** The driver's remove. */
        @Actor
        public void disconnect() {
            race.disconnect();
        }

        /** Call result, disconnect result, lifetime findings. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }
}
