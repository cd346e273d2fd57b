package org.refcheck.stress.devres;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.function.BiFunction;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.Errno;
import org.refcheck.protocols.devres.DevmDriver;
import org.refcheck.protocols.devres.Devres;
import org.refcheck.protocols.devres.mutant.FifoDevres;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * A user's call on a devres-managed driver's device file races the driver's unbind, which releases the driver's
 * resources through devres: last in, first out, the device file is unregistered (waiting for the call) before the
 * hardware is disabled and the state freed. Releasing first in, first out (B25) frees the state while its users
 * are still registered.
 *
 * <p>The bound driver is set up before the race; the probe's error paths are checked by the model checker's fault
 * injection (production steps never fail).
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t DevresCallVsUnbindTests}
 */
public final class DevresCallVsUnbindTests {

    private DevresCallVsUnbindTests() {
    }

    /** A bound driver, a user's call and the unbind; outcome {@code "<call>, <findings>"}. */
    static final class Race {
        private final LifetimeTracker heap = new LifetimeTracker();
        private final DevmDriver driver;
        private int ret;

        Race(BiFunction<LifetimeTracker, String, Devres> lists) {
            driver = new DevmDriver(heap, "sensor0", lists.apply(heap, "sensor0"));
            if (driver.bind() != 0) {
                throw new IllegalStateException("a production probe cannot fail");
            }
        }

        void user() {
            ret = driver.userCall(0);
        }

        void unbind() {
            driver.unbind();
        }

        String finish() {
            String call = switch (ret) {
                case 0 -> "called";
                case Errno.ENXIO -> "disconnected";
                case Errno.ENODEV -> "unregistered";
                default -> Errno.name(ret);
            };
            return call + ", " + LifetimeFindings.finish(heap);
        }
    }

    /** devres as drivers/base/devres.c releases: last in, first out. */
    @JCStressTest
    @Checks(protocol = "devres", variant = "correct")
    @Description("The unbind unregisters the device file first (waiting for a call in flight), then disables the "
            + "hardware, then frees the state: the call never meets a released resource.")
    @Ref("drivers/base/devres.c (release_nodes, devres_release_all)")
    @Outcome(id = "called, clean", expect = ACCEPTABLE, desc = "the call ran first; the unbind waited for it")
    @Outcome(id = "disconnected, clean", expect = ACCEPTABLE,
            desc = "the call found the device file being disconnected: -ENXIO")
    @Outcome(id = "unregistered, clean", expect = ACCEPTABLE,
            desc = "the call found no device file registered any more: -ENODEV")
    @Outcome(expect = FORBIDDEN, desc = "a resource released before its users, released twice, or leaked")
    @State
    public static class Lifo {

        private final Race race = new Race(Devres::new);

        /** The user's call. */
        @Actor
        public void user() {
            race.user();
        }

        /** The unbind. */
        @Actor
        public void unbind() {
            race.unbind();
        }

        /** Call result and lifetime findings. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }

    /** Mutant B25: first in, first out ({@link FifoDevres}). */
    @JCStressTest
    @Checks(protocol = "devres", variant = "fifo-release")
    @Description("The unbind frees the state first, while the hardware is enabled and the device file registered: "
            + "the hardware's disable, and a call arriving in time, use the freed state.")
    @Ref("drivers/base/devres.c (release_nodes, devres_release_all)")
    @Outcome(id = "called, use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the state was freed first: the disable (and maybe the call) used it: use after free")
    @Outcome(id = "disconnected, use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the call was refused, but the disable used the freed state: use after free")
    @Outcome(id = "unregistered, use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the call found nothing registered, but the disable used the freed state: use after free")
    @Outcome(expect = FORBIDDEN, desc = "no use after free: impossible with the state freed before the disable")
    @State
    public static class Fifo {

        private final Race race = new Race(FifoDevres::new);

        /** The user's call. */
        @Actor
        public void user() {
            race.user();
        }

        /** The unbind. */
        @Actor
        public void unbind() {
            race.unbind();
        }

        /** Call result and lifetime findings. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }
}
