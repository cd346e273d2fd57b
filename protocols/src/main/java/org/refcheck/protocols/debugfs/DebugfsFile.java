package org.refcheck.protocols.debugfs;

import java.util.Objects;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.Errno;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.sync.Completion;

/**
 * A debugfs file behind debugfs's full proxy (fs/debugfs/file.c, fs/debugfs/inode.c): an active-users count that
 * starts at 1 for the file's own existence, and a completion the last user fires. Each proxied file operation
 * takes a use reference with {@code refcount_inc_not_zero} ({@code debugfs_file_get}) and fails with {@code -EIO}
 * once the file is removed; removal drops the initial reference and, if users remain, waits for the completion.
 *
 * <pre> {@code
 * DebugfsFile file = new DebugfsFile(heap, "stats");
 * int ret = file.proxy(() -> readStats());   // 0, or -EIO after removal
 * file.remove();                             // returns once no proxied operation runs; then free what they use
 * }</pre>
 *
 * <p>The per-file data is created eagerly here; the kernel allocates it lazily on the first
 * {@code debugfs_file_get} and pairs that {@code cmpxchg} with an {@code smp_mb()} in the remover, which this class
 * does not model. {@link #release} runs the real release unconditionally, as {@code full_proxy_release} does.
 *
 * <p>Memory consistency effects: a proxied operation's actions happen-before {@link #remove()} returns
 * ({@code refcount_dec_and_test} releases and acquires on zero; the completion orders the last put before the
 * wait's return).
 */
public class DebugfsFile {

    /*
     * Implementation notes. active_users: 1 (the file) + operations in flight.
     *     LIVE(1 + n) --get--> LIVE(2 + n)          LIVE(1 + n + 1) --put--> LIVE(1 + n)
     *     LIVE(1 + n) --remove: dec--> REMOVING(n) (n > 0: wait) or DRAINED(0) (n = 0: return at once)
     *     REMOVING(1) --last put--> DRAINED(0), fires active_users_drained
     *     any --get at 0--> fails with -EIO (inc_not_zero never raises a count from zero)
     * Exactly one decrement reaches zero, so the completion fires at most once, and only when the remover waits
     * for it (a remover that reached zero itself does not wait).
     */

    /** The file's real file operation, run between {@code debugfs_file_get} and {@code debugfs_file_put}. */
    @FunctionalInterface
    public interface Operation {
        void run();
    }

    private final String name;
    private final Refcount activeUsers;
    private final Completion drained;

    /** Creates the file {@code name} ({@code debugfs_create_file}): active users 1. */
    public DebugfsFile(LifetimeTracker heap, String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.activeUsers = new Refcount(heap, name + ".active_users", 1);
        this.drained = Completion.create(name + ".active_users_drained");
    }

    /** {@code debugfs_file_get}: a use reference, unless the file was removed. */
    public boolean fileGet() {
        return activeUsers.incNotZero();
    }

    /** {@code debugfs_file_put}: drops a use reference; the last one fires the completion. */
    public void filePut() {
        if (activeUsers.decAndTest()) {
            drained.complete();
        }
    }

    /**
     * A proxied file operation ({@code FULL_PROXY_FUNC}): get, run the real operation, put.
     *
     * @return {@code 0}, or {@code -EIO} if the file was removed
     */
    public int proxy(Operation real) {
        if (!fileGet()) {
            return Errno.EIO;
        }
        try {
            real.run();
        } finally {
            filePut();
        }
        return 0;
    }

    /** {@code full_proxy_release}: the real release runs unconditionally, without a use reference. */
    public void release(Operation realRelease) {
        realRelease.run();
    }

    /**
     * {@code debugfs_remove} ({@code __debugfs_file_removed}): drops the initial reference and waits until the
     * last proxied operation has put its reference. Called once.
     */
    public void remove() {
        if (!activeUsers.decAndTest()) {
            drained.await();
        }
    }

    /** The file's name. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "DebugfsFile(" + name + ")";
    }
}
