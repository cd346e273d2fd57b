package org.refcheck.protocols.devres;

import java.util.Objects;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.Errno;
import org.refcheck.protocols.cdev.CallGate;
import org.refcheck.protocols.cdev.LockedCallGate;
import org.refcheck.sync.Faults;
import org.refcheck.sync.SharedRef;

/**
 * A driver whose probe acquires everything through {@link Devres}, in dependency order, and whose device file is
 * guarded by a {@link CallGate}: the pattern of drivers/base/devres.c users ({@code devm_kzalloc}, then
 * {@code devm_add_action_or_reset} after each acquisition), bound and unbound as drivers/base/dd.c does
 * ({@code really_probe} runs {@code devres_release_all} when probe fails, and unbinding runs it after
 * {@code .remove()}).
 *
 * <pre> {@code
 * DevmDriver drv = new DevmDriver(heap, "sensor0", new Devres(heap, "sensor0"));
 * if (drv.bind() == 0) {      // probe; on failure every acquired resource is already released
 *     drv.userCall(0);        // a user's file operation: 0, -ENODEV (not registered) or -ENXIO (disconnected)
 *     drv.unbind();           // LIFO: unregister the device file (waiting for calls), disable the hardware, free
 * }
 * }</pre>
 *
 * <p>Probe, step by step; each step depends on the ones before it and its release touches them:
 * <ol>
 *   <li>{@code devm_kzalloc} the driver state (fallible: {@value Devres#NODE});</li>
 *   <li>enable the hardware (fallible: {@value #ENABLE}), then {@code devm_add_action_or_reset} its disable, which
 *       writes the state's shadow registers (fallible: {@value Devres#NODE});</li>
 *   <li>register the device file (fallible: {@value #REGISTER}), then {@code devm_add_action_or_reset} its
 *       unregister, which disconnects the call gate and waits for calls in flight (fallible:
 *       {@value Devres#NODE}).</li>
 * </ol>
 * A user's call touches the state and the hardware, so releasing them in any order but the reverse one is a use
 * after free, and an error path that forgets one is a leak.
 *
 * <p>Memory consistency effects: the resources are published to users by the release store of the registered
 * device file, and a call's accesses happen-before the unregister returns (the gate's guarantee).
 */
public class DevmDriver {

    /*
     * Implementation notes. Lifetimes: state LIVE --free action--> FREED; hardware ENABLED --disable action-->
     * FREED; device file UNREGISTERED --probe step 3--> REGISTERED --unregister action--> UNREGISTERED. `state`
     * and `hardware` are written by the probing thread before `registered` is stored with release, and read by
     * users only after they load a non-null `registered` with acquire.
     */

    /** The label of the fallible step of enabling the hardware. */
    public static final String ENABLE = "enable hardware";

    /** The label of the fallible step of registering the device file. */
    public static final String REGISTER = "register cdev";

    private final LifetimeTracker heap;
    private final String label;
    private final Devres devres;
    private final SharedRef<CallGate> registered;
    private Allocation state;
    private Allocation hardware;

    /** An unbound driver for the device named {@code label}, managing its resources with {@code devres}. */
    public DevmDriver(LifetimeTracker heap, String label, Devres devres) {
        this.heap = Objects.requireNonNull(heap, "heap");
        this.label = Objects.requireNonNull(label, "label");
        this.devres = Objects.requireNonNull(devres, "devres");
        this.registered = SharedRef.of(label + ".cdev", null);
    }

    /** {@code really_probe}: runs {@link #probe()}, and on failure releases whatever it managed to acquire. */
    public int bind() {
        int ret = probe();
        if (ret != 0) {
            devres.releaseAll();
        }
        return ret;
    }

    /** Unbinds the driver: {@code devres_release_all}. */
    public void unbind() {
        devres.releaseAll();
    }

    /** The probe: three resources, each registered for release right after it is acquired. */
    public int probe() {
        Allocation s = devres.alloc(label + ".state");
        if (s == null) {
            return Errno.ENOMEM;
        }
        state = s;
        if (Faults.mayFail(ENABLE)) {
            return Errno.EIO;
        }
        Allocation hw = heap.allocate(label + ".hardware");
        hardware = hw;
        int ret = devres.addActionOrReset("disable hardware", () -> {
            s.access();
            hw.free();
        });
        if (ret != 0) {
            return ret;
        }
        if (Faults.mayFail(REGISTER)) {
            return Errno.ENOMEM;
        }
        CallGate gate = new LockedCallGate(heap, label);
        registered.setRelease(gate);
        return devres.addActionOrReset("unregister cdev", () -> {
            registered.setRelease(null);
            gate.disconnect();
        });
    }

    /**
     * A user's file operation on slot {@code cpu}: {@code -ENODEV} if no device file is registered, {@code -ENXIO}
     * if it is being disconnected, else {@code 0} after touching the state and the hardware.
     */
    public int userCall(int cpu) {
        CallGate gate = registered.getAcquire();
        if (gate == null) {
            return Errno.ENODEV;
        }
        if (!gate.enter(cpu)) {
            return Errno.ENXIO;
        }
        state.access();
        hardware.access();
        gate.exit(cpu);
        return 0;
    }

    /** The driver's resource list. */
    public Devres devres() {
        return devres;
    }
}
