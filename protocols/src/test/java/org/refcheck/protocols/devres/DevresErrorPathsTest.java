package org.refcheck.protocols.devres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.model.Counterexample;
import org.refcheck.model.Model;
import org.refcheck.model.fault.FaultExplorer;
import org.refcheck.model.fault.FaultResult;
import org.refcheck.model.fault.FaultSite;
import org.refcheck.protocols.Errno;
import org.refcheck.protocols.devres.mutant.NoResetDevres;

/**
 * The probe's error paths, one thread, under the model checker's fault injection: every fallible step fails in
 * turn, and the driver core's release after the failed probe must free exactly what was acquired.
 */
class DevresErrorPathsTest {

    private static Runnable bindAndUnbind(boolean reset) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Devres devres = reset ? new Devres(heap, "sensor0") : new NoResetDevres(heap, "sensor0");
            DevmDriver drv = new DevmDriver(heap, "sensor0", devres);
            int ret = drv.bind();
            if (ret == 0) {
                drv.unbind();
            } else if (ret != Errno.ENOMEM && ret != Errno.EIO) {
                throw new AssertionError("probe failed with " + Errno.name(ret));
            }
            if (!devres.labels().isEmpty()) {
                throw new AssertionError("nodes left after the release: " + devres.labels());
            }
        };
    }

    @Test
    void everyErrorPathOfTheProbeReleasesWhatItAcquired() {
        FaultResult r = FaultExplorer.check(Model.builder(), 2, bindAndUnbind(true));
        r.assertPassed();
        assertEquals(List.of(new FaultSite("main", Devres.NODE, 1), new FaultSite("main", Devres.NODE, 2),
                new FaultSite("main", Devres.NODE, 3), new FaultSite("main", DevmDriver.ENABLE, 1),
                new FaultSite("main", DevmDriver.REGISTER, 1)), List.copyOf(r.sites()), r.summary());
        assertTrue(r.runs().size() >= 6, r.summary());
    }

    @Test
    void anAddActionOrResetThatDoesNotResetLeaksOnlyWhenTheNodeCannotBeAllocated() {
        Model.check(bindAndUnbind(false)).assertPassed();
        Counterexample cx = FaultExplorer.check(Model.builder(), 1, bindAndUnbind(false)).assertFailed();
        assertTrue(cx.failure().message().contains("leak of sensor0.hardware"), cx.render());
        assertTrue(cx.failure().message().contains("main: devres node#2"), cx.render());
    }
}
