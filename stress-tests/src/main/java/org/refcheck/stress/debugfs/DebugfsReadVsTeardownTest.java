package org.refcheck.stress.debugfs;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

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
import org.refcheck.protocols.debugfs.DebugfsDriver;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * A user reads a driver's debugfs file, whose handler takes the driver's lock, while the driver tears down: it
 * removes the file (waiting for the reader's use reference) and only then frees its state under the lock. The
 * read either runs on live state or fails with {@code -EIO}; the state is freed once.
 *
 * <p>The removal under the handler's lock (B19) deadlocks both actors; it is checked by the model checker and
 * Lincheck, which report deadlocks, and has no jcstress test (see the catalogue).
 *
 * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t DebugfsReadVsTeardownTest}
 */
@JCStressTest
@Checks(protocol = "debugfs-proxy", variant = "correct")
@Description("A proxied debugfs read races the file's removal: it runs before the removal returns, or fails "
        + "with -EIO, and never touches freed driver state.")
@Ref("fs/debugfs/file.c (debugfs_file_get, debugfs_file_put, FULL_PROXY_FUNC)")
@Ref("fs/debugfs/inode.c (__debugfs_file_removed)")
@Outcome(id = "read, clean", expect = ACCEPTABLE,
        desc = "the read took a use reference first; the removal waited for its put, then the state was freed")
@Outcome(id = "refused, clean", expect = ACCEPTABLE,
        desc = "the removal dropped the initial reference first; the read failed with -EIO")
@Outcome(expect = FORBIDDEN, desc = "the read touched freed state, or the state leaked or was freed twice")
@State
public class DebugfsReadVsTeardownTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final DebugfsDriver driver = new DebugfsDriver(heap, "wlan0");
    private int ret;

    /** The user: one read through the proxy. */
    @Actor
    public void read() {
        ret = driver.read();
    }

    /** The driver: remove the file, then free the state under the lock. */
    @Actor
    public void teardown() {
        driver.teardown();
    }

    /** Read result and lifetime findings. */
    @Arbiter
    public void arbiter(L_Result r) {
        r.r1 = (ret == 0 ? "read" : ret == Errno.EIO ? "refused" : Errno.name(ret)) + ", "
                + LifetimeFindings.finish(heap);
    }
}
