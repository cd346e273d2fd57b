package org.refcheck.stress.model;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.Errno;
import org.refcheck.protocols.cdev.CallGate;
import org.refcheck.protocols.cdev.CharDevice;
import org.refcheck.protocols.cdev.OpenFile;
import org.refcheck.protocols.debugfs.DebugfsDriver;
import org.refcheck.protocols.devres.DevmDriver;
import org.refcheck.protocols.devres.Devres;

/**
 * The device family's scenarios, written once and run by the model checker against each correct protocol and
 * mutant, and by the Lincheck suites with their own {@link Race}: thread 0 is the disconnecting, removing or
 * unbinding thread, the others are users. Each ends with every reference dropped, so the leak oracle applies.
 */
public final class DeviceScenarios {

    private DeviceScenarios() {
    }

    /** Runs the bodies of one race: bodies[0] and the others concurrently, then judges the tracker. */
    @FunctionalInterface
    public interface Race {
        void run(LifetimeTracker heap, List<Runnable> bodies);
    }

    /** The model checker's race: {@link Scenarios#race}, leaks not expected. */
    public static final Race MODEL = (heap, bodies) -> Scenarios.race(heap, false, bodies);

    /** Makes the call gate under test for a device with {@code cpus} CPU slots. */
    @FunctionalInterface
    public interface GateMaker {
        CallGate create(LifetimeTracker heap, String label, int cpus);
    }

    /** Makes the character device under test (correct, or a mutant) over a gate. */
    @FunctionalInterface
    public interface DeviceMaker {
        CharDevice create(LifetimeTracker heap, String label, CallGate gate);
    }

    /** Makes the debugfs-using driver under test. */
    @FunctionalInterface
    public interface DebugfsDriverMaker {
        DebugfsDriver create(LifetimeTracker heap, String label);
    }

    /** Makes the devres list under test. */
    @FunctionalInterface
    public interface DevresMaker {
        Devres create(LifetimeTracker heap, String device);
    }

    /**
     * Disconnect while users call: n - 1 users each hold a file opened before the race (the last of them, with 3
     * threads or more, opens it inside the race instead), make one call and close it; thread 0 disconnects and
     * checks that no call was still in flight when the hardware was unregistered.
     */
    public static Runnable callsVsDisconnect(GateMaker gates, DeviceMaker devices, int n, Race race) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            CharDevice dev = devices.create(heap, "video0", gates.create(heap, "video0", n));
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> {
                int left = dev.disconnect();
                if (left != 0) {
                    throw new AssertionError("after disconnect() returned, " + left + " call(s) were still in "
                            + "flight when the hardware was unregistered");
                }
            });
            for (int i = 1; i < n; i++) {
                int cpu = i;
                OpenFile early = n > 2 && i == n - 1 ? null : dev.open(cpu);
                bodies.add(() -> {
                    OpenFile f = early != null ? early : dev.open(cpu);
                    if (f == null) {
                        return;   // opened after the disconnect: -ENXIO
                    }
                    int ret = f.ioctl();
                    if (ret != 0 && ret != Errno.ENXIO) {
                        throw new AssertionError("ioctl returned " + Errno.name(ret));
                    }
                    f.release();
                });
            }
            race.run(heap, bodies);
        };
    }

    /** debugfs: thread 0 tears the driver down while n - 1 users read its debugfs file. */
    public static Runnable readsVsTeardown(DebugfsDriverMaker drivers, int n, Race race) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            DebugfsDriver drv = drivers.create(heap, "wlan0");
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(drv::teardown);
            for (int i = 1; i < n; i++) {
                bodies.add(() -> {
                    int ret = drv.read();
                    if (ret != 0 && ret != Errno.EIO) {
                        throw new AssertionError("read returned " + Errno.name(ret));
                    }
                });
            }
            race.run(heap, bodies);
        };
    }

    /**
     * devres: thread 0 binds the driver (its probe may fail under fault injection, and the driver core then
     * releases what it acquired) and unbinds it; n - 1 users call the device file meanwhile. Every resource must
     * be released once, and no call may meet a released one.
     */
    public static Runnable usersVsBindAndUnbind(DevresMaker lists, int n, Race race) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Devres devres = lists.create(heap, "sensor0");
            DevmDriver drv = new DevmDriver(heap, "sensor0", devres);
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> {
                int ret = drv.bind();
                if (ret == 0) {
                    drv.unbind();
                } else if (ret != Errno.ENOMEM && ret != Errno.EIO) {
                    throw new AssertionError("probe failed with " + Errno.name(ret));
                }
                if (!devres.labels().isEmpty()) {
                    throw new AssertionError("devres nodes left after the release: " + devres.labels());
                }
            });
            for (int i = 1; i < n; i++) {
                int cpu = i;
                bodies.add(() -> {
                    int ret = drv.userCall(cpu);
                    if (ret != 0 && ret != Errno.ENODEV && ret != Errno.ENXIO) {
                        throw new AssertionError("call returned " + Errno.name(ret));
                    }
                });
            }
            race.run(heap, bodies);
        };
    }
}
