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
import org.refcheck.protocols.cdev.LockedCallGate;
import org.refcheck.protocols.cdev.mutant.DevmStateCharDevice;
import org.refcheck.protocols.cdev.mutant.NoWaitCallGate;
import org.refcheck.stress.catalogue.Checks;

/**
 * A user's ioctl and close race the driver's disconnect, on a character device with Laurent Pinchart's locked call
 * count ({@link LockedCallGate}). The disconnect must wait for the ioctl if it entered, and the driver state must
 * outlive the file; the mutants B16 (no wait) and B24 (state freed with the binding) break one each.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t CdevCallVsDisconnectTests}
 */
public final class CdevCallVsDisconnectTests {

    private CdevCallVsDisconnectTests() {
    }

    /** The correct protocol: flag, wait for the call in flight, unregister; the last close frees the state. */
    @JCStressTest
    @Checks(protocol = "cdev-locked", variant = "correct")
    @Description("An ioctl races the disconnect: it either completes before the hardware is unregistered or is "
            + "refused with -ENXIO, and the driver state is freed once, by the last of the file and the device.")
    @Ref("Laurent Pinchart, [RFC] V4L2 video_device_enter/exit/unplug, 2017 (drivers/media/v4l2-core/v4l2-dev.c)")
    @Outcome(id = "called, drained, clean", expect = ACCEPTABLE,
            desc = "the ioctl entered first; the disconnect waited for it, then unregistered the hardware")
    @Outcome(id = "refused, drained, clean", expect = ACCEPTABLE,
            desc = "the disconnect set the flag first; the ioctl failed with -ENXIO without touching the device")
    @Outcome(expect = FORBIDDEN, desc = "a call in flight after the disconnect returned, or a lifetime violation")
    @State
    public static class Locked {

        private final CallVsDisconnect race = new CallVsDisconnect(LockedCallGate::new, CharDevice::new);

        /** The user: ioctl, then close. */
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

    /** Mutant B16: the disconnect sets the flag but does not wait ({@link NoWaitCallGate}). */
    @JCStressTest
    @Checks(protocol = "cdev-locked", variant = "disconnect-without-wait")
    @Description("The disconnect does not wait for the ioctl in flight: it unregisters the hardware under it.")
    @Ref("Laurent Pinchart, [RFC] V4L2 video_device_enter/exit/unplug, 2017 (drivers/media/v4l2-core/v4l2-dev.c)")
    @Outcome(id = "called, drained, clean", expect = ACCEPTABLE,
            desc = "the ioctl finished before the disconnect looked: nothing to wait for")
    @Outcome(id = "refused, drained, clean", expect = ACCEPTABLE, desc = "the ioctl came after the flag: -ENXIO")
    @Outcome(id = "called, call in flight, use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the disconnect returned with the ioctl inside the driver, and the ioctl then touched the "
                    + "unregistered hardware: use after free")
    @Outcome(id = "called, call in flight, clean", expect = ACCEPTABLE_INTERESTING,
            desc = "the disconnect returned with the ioctl still inside the driver's handler")
    @Outcome(id = "called, drained, use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the ioctl had entered but not reached the handler when the disconnect unregistered the "
                    + "hardware, which it then touched: use after free")
    @Outcome(expect = FORBIDDEN, desc = "a violation other than a use of the unregistered hardware")
    @State
    public static class NoWait {

        private final CallVsDisconnect race = new CallVsDisconnect(NoWaitCallGate::new, CharDevice::new);

        /** The user: ioctl, then close. */
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

    /** Mutant B24: the disconnect frees the driver state although the file is open ({@link DevmStateCharDevice}). */
    @JCStressTest
    @Checks(protocol = "cdev-locked", variant = "devm-state")
    @Description("The driver state is freed with the binding: a file closed after the disconnect drops its "
            + "reference on freed memory.")
    @Ref("Laurent Pinchart, \"Why is devm_kzalloc() harmful and what can we do about it\", LPC 2022")
    @Outcome(id = "called, drained, clean", expect = ACCEPTABLE,
            desc = "the file was closed before the disconnect freed the state")
    @Outcome(id = "refused, drained, clean", expect = ACCEPTABLE,
            desc = "the ioctl was refused, and the file was closed before the disconnect freed the state")
    @Outcome(id = "called, drained, use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the ioctl ran first, but the close came after the disconnect freed the state: use after free")
    @Outcome(id = "refused, drained, use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the ioctl was refused and the close dropped its reference on the freed state: use after free")
    @Outcome(expect = FORBIDDEN, desc = "a call in flight after the disconnect, or a violation other than the "
            + "close's use of the freed state")
    @State
    public static class DevmState {

        private final CallVsDisconnect race = new CallVsDisconnect(LockedCallGate::new, DevmStateCharDevice::new);

        /** The user: ioctl, then close. */
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
