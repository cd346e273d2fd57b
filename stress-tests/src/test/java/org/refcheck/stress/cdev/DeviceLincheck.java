package org.refcheck.stress.cdev;

import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.model.DeviceScenarios;

/** The device family's race for Lincheck: every body in its own thread, verdicts asserted on the main thread. */
public final class DeviceLincheck {

    /** {@link ConcurrentRun#inThreads}: joins the bodies, then fails on a thrown error or a lifetime violation. */
    public static final DeviceScenarios.Race RACE =
            (heap, bodies) -> ConcurrentRun.inThreads(heap, bodies.toArray(Runnable[]::new));

    private DeviceLincheck() {
    }
}
