package org.refcheck.protocols.cdev;

import java.util.Objects;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.Errno;
import org.refcheck.protocols.kref.Kref;
import org.refcheck.sync.SharedInt;

/**
 * A character device with Laurent Pinchart's disconnect protocol: every file operation runs inside a
 * {@link CallGate}; {@link #disconnect()} flags the device (new calls fail with {@code -ENXIO}), waits for the
 * calls in flight, then unregisters the hardware; the driver state is reference-counted by a {@link Kref} that the
 * device and every open file hold, so it is freed when the last of them lets go, possibly long after the
 * disconnect.
 *
 * <p>Follows the protocol as stated in Laurent Pinchart's 2017 V4L2 RFC (drivers/media/v4l2-core/v4l2-dev.c,
 * {@code video_device_enter}/{@code exit}/{@code unplug}, and {@code v4l2_ioctl} bracketing each call) and his 2025
 * restatement for cdevs; {@code struct cdev} itself is fs/char_dev.c.
 *
 * <pre> {@code
 * CharDevice dev = new CharDevice(heap, "video0", new LockedCallGate(heap, "video0"));
 * OpenFile f = dev.open(0);          // null once disconnected (-ENXIO)
 * f.ioctl();                         // 0, or -ENXIO after the disconnect
 * int left = dev.disconnect();       // .remove(): 0 calls left in flight when the hardware goes
 * f.release();                       // the last reference frees the driver state
 * }</pre>
 *
 * <p>Oracles for checkers: the hardware is a tracked {@link Allocation} freed by the unregister, and each call
 * touches it, so a call running on unregistered hardware is a use after free; {@link #disconnect()} returns how many
 * calls were still running the driver's handler when it unregistered the hardware, which must be zero ("after
 * disconnect() returned, no call is in flight"); the state allocation must be freed exactly once, after the last
 * file closed.
 *
 * <p>Memory consistency effects: those of the gate: a call's actions happen-before the hardware is unregistered;
 * each {@code kref_put} releases and the last one acquires before the state is freed.
 */
public class CharDevice {

    /*
     * Implementation notes. Lifetimes:
     *     hardware:  REGISTERED --disconnect, after the gate drained--> FREED (unregistered)
     *     state:     LIVE, count = 1 (the device) + open files --last put (disconnect's or a release's)--> FREED
     * A file operation: enter (or -ENXIO) -> running++ -> state.access, handler, hardware.access -> running-- ->
     * exit. `running` is instrumentation, not protocol: the count of calls inside the driver's handler, read by
     * disconnect right before it unregisters. open() is a file operation too (it takes the file's state reference
     * inside the gate, so no open can start after the disconnect); release() is not gated, like every fops release:
     * it must run to drop the reference even when the device is gone.
     */

    /** The driver's handler of a file operation, run inside the gate with the hardware registered. */
    @FunctionalInterface
    public interface Handler {
        void run();
    }

    private final String label;
    private final CallGate gate;
    private final Allocation state;
    private final Kref stateRefs;
    private final Allocation hardware;
    private final SharedInt running;
    private final Handler handler;

    /** A registered device named {@code label} whose calls go through {@code gate}; the handler does nothing. */
    public CharDevice(LifetimeTracker heap, String label, CallGate gate) {
        this(heap, label, gate, () -> { });
    }

    /**
     * A registered device whose file operations run {@code handler} between touching the state and the hardware
     * (tests use it to widen the window of a call in flight).
     */
    public CharDevice(LifetimeTracker heap, String label, CallGate gate, Handler handler) {
        Objects.requireNonNull(heap, "heap");
        this.label = Objects.requireNonNull(label, "label");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.state = heap.allocate(label + ".state");
        this.stateRefs = new Kref(heap, label + ".state.kref", state);
        this.hardware = heap.allocate(label + ".hardware");
        this.running = SharedInt.of(label + ".running", 0);
    }

    /**
     * {@code open()}: a gated call that takes the file's reference to the driver state.
     *
     * @return the open file, or {@code null} if the device is disconnected ({@code -ENXIO})
     */
    public OpenFile open(int cpu) {
        if (!gate.enter(cpu)) {
            return null;
        }
        stateRefs.get();
        gate.exit(cpu);
        return new OpenFile(this, cpu);
    }

    /** One file operation on slot {@code cpu}: {@code 0}, or {@code -ENXIO} once disconnected. */
    int call(int cpu) {
        if (!gate.enter(cpu)) {
            return Errno.ENXIO;
        }
        running.getAndAdd(1);
        state.access();
        handler.run();
        hardware.access();
        running.getAndAdd(-1);
        gate.exit(cpu);
        return 0;
    }

    /**
     * {@code .remove()}: flags the device and waits for the calls in flight ({@link CallGate#disconnect()}),
     * unregisters the hardware, and drops the device's reference to the driver state.
     *
     * @return how many calls were still running the driver's handler when the hardware was unregistered: zero
     *     unless the gate is broken
     */
    public int disconnect() {
        gate.disconnect();
        int left = running.getOpaque();
        hardware.free();
        releaseState();
        return left;
    }

    /** Drops the device's reference to the driver state at disconnect; B24 frees the state here instead. */
    protected void releaseState() {
        putState();
    }

    /** {@code kref_put} on the driver state: the last reference frees it. */
    final void putState() {
        stateRefs.put(k -> state.free());
    }

    /** The driver state's allocation. */
    protected final Allocation state() {
        return state;
    }

    /** The device's name. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return "CharDevice(" + label + ", " + gate + ")";
    }
}
