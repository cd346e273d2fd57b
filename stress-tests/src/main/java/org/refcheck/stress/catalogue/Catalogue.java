package org.refcheck.stress.catalogue;

import static org.refcheck.stress.catalogue.Expected.CATCHES;
import static org.refcheck.stress.catalogue.Expected.PASSES;
import static org.refcheck.stress.catalogue.Expected.notExpected;
import static org.refcheck.stress.catalogue.Expected.pending;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.refcheck.stress.TextTable;

/**
 * Every protocol refcheck carries and every mutant of it, with the verdict each {@link Checker} must reach.
 *
 * <p>This is the one place that says what "the checkers work" means. The jcstress gate, the Lincheck harness and the
 * summary read it: a correct protocol must never be flagged, and a mutant marked {@link Expectation#CATCHES} for a
 * checker must be detected by every test of that checker, or the build fails. Tests name their row with
 * {@link Checks}:
 *
 * <pre> {@code
 * Entry e = Catalogue.get("arc-weak", "upgrade-fetch-add");
 * e.bugId();                                   // "B10"
 * e.expected(Checker.LINCHECK).expectation();  // CATCHES
 * }</pre>
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Catalogue {

    /*
     * Implementation notes. The rows below are a table: one call per entry, with one Expected column per Checker in
     * enum order (adding a checker = one enum constant + one column per row; Entry rejects a row whose column count
     * does not match). Bug ids are those of the protocol reference's bug table (protocols.md section 10); X-ids are
     * refcheck's own for bugs that table does not list, and say so in their description.
     *
     * pending(...) marks a cell whose tests are not written yet. It is debt, not an exemption: the summary prints it
     * as PENDING, and the jcstress gate and the summary fail when a pending cell does have a test, so whoever adds
     * the test removes the mark. Weak-memory bugs are NOT_EXPECTED (with the reason) for both checkers: x86 is TSO,
     * and Lincheck explores sequentially consistent interleavings only; refcheck's model checker catches them under its
     * weak memory model (model suites built with Model.builder().memoryModel(MemoryModel.WEAK)).
     */

    private static final Original REFCOUNT =
            new Original("refcount_t", "include/linux/refcount.h, lib/refcount.c");
    private static final Original RUST_REF =
            new Original("Rust-for-Linux Ref<T> / kernel::sync::Arc<T>", "rust/kernel/sync/arc.rs");
    private static final Original KREF_HANDOFF =
            new Original("kref, rule 1: get before handing the pointer off",
                    "include/linux/kref.h, Documentation/core-api/kref.rst");
    private static final Original KREF_TABLE_MUTEX =
            new Original("kref lookup table, pattern A: mutex around get and put", "Documentation/core-api/kref.rst");
    private static final Original KREF_TABLE_UNLESS_ZERO =
            new Original("kref lookup table, pattern B: kref_get_unless_zero inside the lookup section",
                    "Documentation/core-api/kref.rst, include/linux/kref.h");
    private static final Original KREF_TABLE_PUT_MUTEX =
            new Original("kref lookup table, pattern D: kref_put_mutex",
                    "include/linux/kref.h, lib/refcount.c (refcount_dec_and_mutex_lock)");
    private static final Original STD_ARC =
            new Original("Rust std Arc<T> / Weak<T>", "library/alloc/src/sync.rs");
    private static final Original WEAK_REGISTRY =
            new Original("a keyed registry of std Weak<T> handles whose values unregister themselves on drop",
                    "library/alloc/src/sync.rs (Weak::upgrade, Weak::ptr_eq)");

    private static final Original URCU =
            new Original("userspace RCU, urcu-memb flavor: registered readers, two-phase grace period, call_rcu, "
                    + "rcu_assign_pointer / rcu_dereference",
                    "src/urcu.c, include/urcu/static/urcu-common.h, Documentation/RCU/whatisRCU.rst");
    private static final Original URCU_QSBR =
            new Original("userspace RCU, urcu-qsbr flavor: read-side sections without shared accesses, readers "
                    + "announce quiescent states or go offline, a one-counter grace period (64-bit)",
                    "include/urcu/static/urcu-qsbr.h, src/urcu-qsbr.c");
    private static final Original SRCU =
            new Original("SRCU: a sleepable RCU domain with per-index lock and unlock counts",
                    "kernel/rcu/srcutree.c");
    private static final Original REVOCABLE =
            new Original("Rust-for-Linux Revocable<T> over RCU", "rust/kernel/revocable.rs");
    private static final Original ASYNC_REVOCABLE =
            new Original("Rust-for-Linux AsyncRevocable<T>: a usage count with a revoked bit, the last user drops",
                    "rust/kernel/revocable.rs (2021 wedsonaf/linux)");
    private static final Original GPIO_CHIP =
            new Original("gpiolib: the SRCU-protected gpio_device->chip pointer", "drivers/gpio/gpiolib.c");

    private static final Original CDEV_LOCKED =
            new Original("character-device disconnect with a locked call count (Laurent Pinchart's V4L2 RFC)",
                    "drivers/media/v4l2-core/v4l2-dev.c (RFC video_device_enter/exit/unplug), fs/char_dev.c");
    private static final Original CDEV_PERCPU =
            new Original("character-device disconnect with a lock-free per-CPU call count (percpu_ref, SRCU-style "
                    + "barriers)", "include/linux/percpu-refcount.h, kernel/rcu/srcutree.c, fs/char_dev.c");
    private static final Original DEBUGFS_PROXY =
            new Original("debugfs full proxy: active_users from 1 and a completion", "fs/debugfs/file.c, "
                    + "fs/debugfs/inode.c");
    private static final Original DEVRES =
            new Original("devres managed actions, devm_add_action_or_reset", "drivers/base/devres.c, "
                    + "include/linux/device/devres.h, drivers/base/dd.c");

    private static final String STORE_BUFFERING_SC_LINCHECK =
            "needs weak-memory exploration: Lincheck is sequentially consistent, and the bug is store buffering "
                    + "(each side's store still invisible to the other side's load), not an interleaving";
    private static final String DEADLOCK_JCSTRESS =
            "a deadlock blocks both actors for good (the remover on the completion, the reader on the mutex), and "
                    + "jcstress 0.16 has no way to report two stuck actors except by hanging its run";
    private static final String NEEDS_FAULT_INJECTION_JCSTRESS =
            "needs an injected allocation failure: the bug is on an error path that production steps never take, "
                    + "and jcstress runs the production back-end";
    private static final String NEEDS_FAULT_INJECTION_LINCHECK =
            "needs an injected allocation failure: the bug is on an error path that production steps never take, "
                    + "and Lincheck runs the production back-end";

    private static final String TSO_AND_SC_JCSTRESS =
            "needs weak-memory reordering: x86 is TSO, so the missing acquire cannot show on this host "
                    + "(expected on AArch64 or POWER)";
    private static final String TSO_AND_SC_LINCHECK =
            "needs weak-memory exploration: Lincheck is sequentially consistent, and the bug is a missing "
                    + "happens-before edge, not an interleaving";

    private static final String LINCHECK_HANG_TIMEOUT =
            "Lincheck 3.7 reports this hang only as a TimeoutFailure after its fixed 60-second timeout (measured; "
                    + "runConcurrentTest's timeout is internal, and the data-structure mode hangs the same way), "
                    + "more than the RCU family's whole Lincheck budget; the model checker reports the deadlock in "
                    + "3 executions and jcstress as a stale termination test";
    private static final String LINCHECK_FOUR_SWITCHES =
            "the exposing interleaving needs four context switches at exact steps across two grace periods (the "
                    + "reader preempted between loading and publishing its phase); Lincheck's context-bounded model "
                    + "checking did not reach it in 300 invocations of the minimal scenario (measured, 9 s), and "
                    + "its runConcurrentTest hangs on the grace period's wait; the model checker finds it in 67 "
                    + "executions and jcstress with a widened window";

    private static final String QSBR_HANG_LINCHECK =
            "the mutant hangs in every execution in which its updater synchronizes, and Lincheck 3.7 reports a hang "
                    + "only as a TimeoutFailure after its fixed 60-second timeout (as for B12); the model checker "
                    + "reports the deadlock with a counterexample and jcstress as a stale termination test";
    private static final String QSBR_USE_WINDOW_LINCHECK =
            "the free must land between the reader's quiescent-state store and its use of the version, while the "
                    + "updater is parked in the grace period's spin; Lincheck's model checking did not reach that "
                    + "interleaving in 3,000 invocations (the minimal scenario first, then random ones), nor in 6,000 "
                    + "with an extra shared access inside the use as a switch point (measured, 31 s), and its "
                    + "runConcurrentTest hangs on the grace period's wait; the model checker finds it in 60 "
                    + "executions and jcstress with a widened window";
    private static final String QUIESCENT_FENCE_TSO_JCSTRESS =
            "needs weak-memory reordering: x86 is TSO, where a load is never reordered after a later store, so the "
                    + "reader's loads of the version always complete before its quiescent state is visible "
                    + "(expected on AArch64 or POWER)";
    private static final String QUIESCENT_FENCE_SC_LINCHECK =
            "needs weak-memory exploration: Lincheck is sequentially consistent, where every access before the "
                    + "quiescent state's store is performed before it";

    private static final String ONLINE_FENCE_JCSTRESS =
            "store buffering, which x86 does show, but only when the reader's store stays buffered across the "
                    + "updater's whole grace period (its fences, the counter increment, the read of the reader's "
                    + "counter and the free) between two adjacent loads of the reader; no jcstress test of it is "
                    + "written and none is expected to hit that window reliably (not measured)";
    private static final String ONLINE_FENCE_SC_LINCHECK =
            "needs weak-memory exploration: Lincheck is sequentially consistent, where the reader's store of its "
                    + "counter is visible to the updater before any later load of the reader is performed";

    private static final String PUBLISH_TSO_JCSTRESS =
            "needs weak-memory reordering: x86 is TSO, so the version's initialising stores are never reordered "
                    + "after the pointer's store and the reader always sees them (expected on AArch64 or POWER)";
    private static final String PUBLISH_SC_LINCHECK =
            "needs weak-memory exploration: Lincheck is sequentially consistent, where a store published without "
                    + "release still follows every earlier store of its thread";

    private static final List<Entry> ENTRIES = List.of(
            //      protocol                  original                JCSTRESS          LINCHECK          MODEL
            correct("refcount", REFCOUNT,
                    "saturating reference count: increments and decrements that would overflow, underflow or "
                            + "rise from zero saturate and warn instead of wrapping",
                    PASSES, PASSES, PASSES),
            mutant("refcount", "unsaturated", "B1", REFCOUNT,
                    "the counter wraps like atomic_t instead of saturating, so leaked increments overflow it to "
                            + "zero and a later put frees the object while references remain: use after free",
                    CATCHES, CATCHES, CATCHES),
            mutant("refcount", "sub-and-test-zero", "B3", REFCOUNT,
                    "sub_and_test lacks the old > 0 guard, so subtracting from a count that already reached zero "
                            + "reports zero again and the object is freed twice: double free",
                    CATCHES, CATCHES, CATCHES),

            correct("ref", RUST_REF,
                    "a strong-only reference-counted pointer over refcount_t; drop frees the allocation on the "
                            + "final decrement and never touches it after a non-final one",
                    PASSES, PASSES, PASSES),
            mutant("ref", "touch-after-dec", "B11", RUST_REF,
                    "drop reads the shared allocation again after a non-final decrement, when the other holder "
                            + "may already have freed it: use after free",
                    CATCHES, CATCHES, CATCHES),

            correct("kref-handoff", KREF_HANDOFF,
                    "the creator takes a kref_get before handing the pointer to another thread, and each side "
                            + "puts its own reference",
                    PASSES, PASSES, PASSES),
            mutant("kref-handoff", "get-after-handoff", "B6", KREF_HANDOFF,
                    "the creator takes its kref_get only after handing the pointer off, when the other thread may "
                            + "already have put the last reference and freed it: increment from zero on freed memory "
                            + "(resurrection, use after free)",
                    CATCHES, CATCHES, CATCHES),

            correct("kref-table-mutex", KREF_TABLE_MUTEX,
                    "lookup with kref_get and kref_put with unlink both run under the table mutex",
                    PASSES, PASSES, PASSES),
            mutant("kref-table-mutex", "unlocked-put", "B4", KREF_TABLE_MUTEX,
                    "lookup takes a plain kref_get under the table mutex, but kref_put runs without it and its "
                            + "release takes the mutex only to unlink, so a lookup between the final put and the "
                            + "unlink revives a dying entry: resurrection, then use after free",
                    CATCHES, CATCHES, CATCHES),

            correct("kref-table-unless-zero", KREF_TABLE_UNLESS_ZERO,
                    "lookup finds the entry and takes kref_get_unless_zero in one critical section; the release "
                            + "unlinks under the lock and frees after it",
                    PASSES, PASSES, PASSES),
            mutant("kref-table-unless-zero", "get-outside-lock", "B5", KREF_TABLE_UNLESS_ZERO,
                    "kref_get_unless_zero runs after the lookup left the table's critical section, when the entry "
                            + "may already be unlinked and freed: use after free",
                    CATCHES, CATCHES, CATCHES),

            correct("kref-table-put-mutex", KREF_TABLE_PUT_MUTEX,
                    "lookup takes a plain kref_get under the table mutex, and kref_put_mutex takes the mutex on "
                            + "the potential last put so the release unlinks before any lookup can see the entry",
                    PASSES, PASSES, PASSES),

            correct("arc-weak", STD_ARC,
                    "strong and weak counts with the collective weak, the acquire fence in drop, the upgrade CAS "
                            + "loop that refuses zero, and the weak-count lock in get_mut",
                    PASSES, PASSES, PASSES),
            mutant("arc-weak", "drop-without-acquire-fence", "B7", STD_ARC,
                    "Arc::drop omits the acquire fence after the final decrement, so the destructor is not ordered "
                            + "after another holder's payload writes: data race with the destructor (weak memory)",
                    notExpected(TSO_AND_SC_JCSTRESS), notExpected(TSO_AND_SC_LINCHECK),
                    CATCHES),
            mutant("arc-weak", "get-mut-two-loads", "B8", STD_ARC,
                    "get_mut checks strong == 1 and weak == 1 with two separate loads, so a Weak upgraded and "
                            + "dropped in between leaves a live Arc beside the &mut: aliased mutable access",
                    CATCHES, CATCHES, CATCHES),
            mutant("arc-weak", "get-mut-relaxed-strong", "B9", STD_ARC,
                    "is_unique loads strong with Relaxed instead of Acquire, so get_mut's writes are not ordered "
                            + "after a just-dropped Arc's reads: data race on the payload (weak memory)",
                    notExpected(TSO_AND_SC_JCSTRESS), notExpected(TSO_AND_SC_LINCHECK),
                    CATCHES),
            mutant("arc-weak", "upgrade-fetch-add", "B10", STD_ARC,
                    "Weak::upgrade increments strong with fetch_add and checks afterwards, taking the count from "
                            + "zero to one after the destructor started: resurrection, then use after free or "
                            + "double drop",
                    CATCHES, CATCHES, CATCHES),
            mutant("arc-weak", "touch-after-dec", "B11", STD_ARC,
                    "Arc::drop touches the inner allocation after a non-final fetch_sub, when the other holder may "
                            + "already have freed it: use after free",
                    CATCHES, CATCHES, CATCHES),

            correct("weak-registry", WEAK_REGISTRY,
                    "a registry maps keys to Weak handles; lookup upgrades, and a value's destructor removes its "
                            + "slot only while the slot still holds that value's own Weak",
                    PASSES, PASSES, PASSES),
            mutant("weak-registry", "remove-unconditionally", "X1", WEAK_REGISTRY,
                    "(refcheck's own bug id; the bug table has no registry row) the destructor removes the slot "
                            + "without checking it still holds its own Weak, so a newer entry registered under the "
                            + "same key is dropped from the registry: lost registration, duplicate value on the "
                            + "next lookup",
                    CATCHES, CATCHES, CATCHES),

            correct("rcu", URCU,
                    "readers use a read-mostly value inside read-side sections; updaters publish a new version "
                            + "with a release store and free the old one after a two-phase grace period, "
                            + "synchronously or through call_rcu and its barrier",
                    PASSES, PASSES, PASSES),
            mutant("rcu", "synchronize-in-reader", "B12", URCU,
                    "a read-copy-update waits for its grace period before leaving the read-side section in which "
                            + "it read the old value, so synchronize waits for its own reader: deadlock (the model "
                            + "checker's deadlock oracle, the waiter spinning with no thread left to write; a "
                            + "jcstress termination test that never terminates)",
                    CATCHES, notExpected(LINCHECK_HANG_TIMEOUT), CATCHES),
            mutant("rcu", "use-after-unlock", "B13", URCU,
                    "the reader keeps the dereferenced version past its read-side section and uses it after a "
                            + "grace period that no longer waits for it ended and the version was freed: use after "
                            + "free",
                    CATCHES, CATCHES, CATCHES),
            mutant("rcu", "callback-before-grace-period", "B14", URCU,
                    "call_rcu runs the reclaimer at once instead of after a grace period, freeing the old version "
                            + "under a reader still inside its section: use after free",
                    CATCHES, CATCHES, CATCHES),
            mutant("rcu", "one-phase-grace-period", "B15", URCU,
                    "the grace period flips the phase and waits once, so a reader that loaded the phase before "
                            + "one flip and published it after looks current to the next grace period, which frees "
                            + "the version it reads: use after free",
                    CATCHES, notExpected(LINCHECK_FOUR_SWITCHES), CATCHES),
            mutant("rcu", "assign-without-release", "X22", URCU,
                    "(refcheck's own bug id; the bug table has no row for it) the updater publishes the new "
                            + "version with WRITE_ONCE instead of rcu_assign_pointer, so nothing orders the "
                            + "version's initialisation before a reader's use of the pointer it loaded: data race "
                            + "on an unpublished object (weak memory)",
                    notExpected(PUBLISH_TSO_JCSTRESS), notExpected(PUBLISH_SC_LINCHECK), CATCHES),

            correct("rcu-qsbr", URCU_QSBR,
                    "online readers use a read-mostly value inside read-side sections that touch no shared word "
                            + "and announce quiescent states between uses; updaters publish a new version, advance "
                            + "the grace-period counter, wait for every reader to be offline or to have copied it, "
                            + "and free the old version; an updater that is itself a reader goes offline for the wait",
                    PASSES, PASSES, PASSES),
            mutant("rcu-qsbr", "quiescent-state-before-use", "X23", URCU_QSBR,
                    "(refcheck's own bug id; the bug table has no QSBR row) the reader announces its quiescent "
                            + "state between dereferencing a version and using it, so a grace period that saw the "
                            + "announcement ends and the version is freed under the reader: use after free",
                    CATCHES, notExpected(QSBR_USE_WINDOW_LINCHECK), CATCHES),
            mutant("rcu-qsbr", "synchronize-while-online", "X24", URCU_QSBR,
                    "(refcheck's own bug id; the QSBR form of B12) synchronize does not put its caller's online "
                            + "reader offline first, so the grace period waits for a quiescent state of the thread "
                            + "that is waiting: deadlock (the model checker's deadlock oracle; a jcstress "
                            + "termination test that never terminates)",
                    CATCHES, notExpected(QSBR_HANG_LINCHECK), CATCHES),
            mutant("rcu-qsbr", "quiescent-state-without-fence", "X25", URCU_QSBR,
                    "(refcheck's own bug id; the bug table has no QSBR row) the quiescent state stores the new "
                            + "counter without the full fence before it, so the reader's uses of the version are "
                            + "not ordered before the announcement that lets the updater free it: use after free "
                            + "unordered by happens-before (weak memory)",
                    notExpected(QUIESCENT_FENCE_TSO_JCSTRESS), notExpected(QUIESCENT_FENCE_SC_LINCHECK), CATCHES),
            mutant("rcu-qsbr", "online-without-fence", "X26", URCU_QSBR,
                    "(refcheck's own bug id; the bug table has no QSBR row) online stores the reader's counter "
                            + "without the full fence after it, so a grace period can still read the reader as "
                            + "offline while the reader already loads the pointer: the updater frees the version "
                            + "the reader goes on to use (store buffering)",
                    notExpected(ONLINE_FENCE_JCSTRESS), notExpected(ONLINE_FENCE_SC_LINCHECK), CATCHES),

            correct("srcu", SRCU,
                    "readers count their lock and unlock on the index they read; the grace period waits for the "
                            + "idle index to drain, flips, and waits for the previously active index to drain",
                    PASSES, PASSES, PASSES),

            correct("revocable", REVOCABLE,
                    "try_access returns a guard inside an RCU read-side section while the data is available; "
                            + "revoke clears the flag, waits for a grace period, drops the data, and reports "
                            + "whether this call revoked it",
                    PASSES, PASSES, PASSES),
            mutant("revocable", "revoke-without-grace-period", "B14", REVOCABLE,
                    "revoke drops the data right after clearing the flag, without waiting for the users that saw "
                            + "it available (revoke_nosync with concurrent users): use after the data was dropped",
                    CATCHES, CATCHES, CATCHES),

            correct("async-revocable", ASYNC_REVOCABLE,
                    "users count themselves in a usage count that revoke marks with a revoked bit without "
                            + "waiting; exactly one of revoke and the last user's guard drops the data",
                    PASSES, PASSES, PASSES),

            correct("gpio-chip", GPIO_CHIP,
                    "calls dereference the chip inside an SRCU section and fail with ENODEV once it is gone; "
                            + "removal clears the pointer, waits for calls in flight with synchronize_srcu, then "
                            + "frees the chip",
                    PASSES, PASSES, PASSES),
            mutant("gpio-chip", "null-check", "B16", GPIO_CHIP,
                    "calls check gdev->chip for NULL and then use it with nothing keeping it alive, and removal "
                            + "clears the pointer and frees the chip without waiting: use after free of the chip",
                    CATCHES, CATCHES, CATCHES),
            correct("cdev-locked", CDEV_LOCKED,
                    "every file operation enters and exits a call count under a lock; disconnect sets the flag "
                            + "(new calls fail with -ENXIO), waits on a completion for the calls in flight, then "
                            + "unregisters the hardware; open files hold a kref on the driver state",
                    PASSES, PASSES, PASSES),
            mutant("cdev-locked", "disconnect-without-wait", "B16", CDEV_LOCKED,
                    "disconnect sets the flag but does not wait for the calls in flight, so the hardware is "
                            + "unregistered under a running call: use after free, a call in flight after "
                            + "disconnect returned",
                    CATCHES, CATCHES, CATCHES),
            mutant("cdev-locked", "devm-state", "B24", CDEV_LOCKED,
                    "the driver state is tied to the binding (devm_kzalloc) instead of the open files' kref, so "
                            + "the disconnect frees it and a file released afterwards uses it: use after free",
                    CATCHES, CATCHES, CATCHES),

            correct("cdev-percpu", CDEV_PERCPU,
                    "a lock-free call count with one counter per CPU: entry raises its counter, full barrier, "
                            + "checks the flag; disconnect sets the flag, full barrier, spins until every counter "
                            + "is zero, then unregisters the hardware",
                    PASSES, PASSES, PASSES),
            mutant("cdev-percpu", "no-full-barrier", "B17", CDEV_PERCPU,
                    "entry and disconnect lack the full barrier between their store and their load of the other "
                            + "side's variable, so store buffering lets the call miss the flag while the "
                            + "disconnect misses the call: use after free (weak memory; x86 reorders a store with "
                            + "a later load)",
                    CATCHES, notExpected(STORE_BUFFERING_SC_LINCHECK), CATCHES),

            correct("debugfs-proxy", DEBUGFS_PROXY,
                    "each proxied operation takes a use reference with inc_not_zero (-EIO after removal); removal "
                            + "drops the initial reference and waits for the completion the last user fires; the "
                            + "driver removes the file before taking the lock its handler takes",
                    PASSES, PASSES, PASSES),
            mutant("debugfs-proxy", "remove-under-handler-lock", "B19", DEBUGFS_PROXY,
                    "the driver removes the debugfs file while holding the lock the file's handler takes, so the "
                            + "removal waits for a reader that waits for the lock: deadlock",
                    notExpected(DEADLOCK_JCSTRESS), CATCHES, CATCHES),

            correct("devres", DEVRES,
                    "a probe acquires state, hardware and a device file through devres, each release registered "
                            + "with devm_add_action_or_reset; unbind and a failed probe release last in, first out; "
                            + "every error path releases exactly what was acquired, once (fault injection)",
                    PASSES, PASSES, PASSES),
            mutant("devres", "fifo-release", "B25", DEVRES,
                    "devres releases first in, first out, so the driver state is freed while the hardware is "
                            + "enabled and the device file registered, and their releases or a user's call use it: "
                            + "use after free",
                    CATCHES, CATCHES, CATCHES),
            mutant("devres", "add-action-no-reset", "X21", DEVRES,
                    "(refcheck's own bug id; the bug table has no devres error-path row) devm_add_action_or_reset "
                            + "does not run the action when its node cannot be allocated, so the probe's error path "
                            + "leaves the hardware enabled: leak, on an error path only fault injection reaches",
                    notExpected(NEEDS_FAULT_INJECTION_JCSTRESS), notExpected(NEEDS_FAULT_INJECTION_LINCHECK),
                    CATCHES));

    private static final Map<String, Entry> BY_ID = index(ENTRIES);

    private Catalogue() {
    }

    /** Every entry, correct protocols first within each protocol, in catalogue order. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entries that are mutants. */
    public static List<Entry> mutants() {
        return ENTRIES.stream().filter(Entry::isMutant).collect(Collectors.toUnmodifiableList());
    }

    /** The entries that are correct protocols. */
    public static List<Entry> correct() {
        return ENTRIES.stream().filter(e -> !e.isMutant()).collect(Collectors.toUnmodifiableList());
    }

    /** The entry with the given protocol and variant, if the catalogue has one. */
    public static Optional<Entry> find(String protocol, String variant) {
        return Optional.ofNullable(BY_ID.get(protocol + "/" + variant));
    }

    /**
     * The entry with the given protocol and variant.
     *
     * @throws IllegalArgumentException naming the known variants of the protocol, if there is no such entry
     */
    public static Entry get(String protocol, String variant) {
        return find(protocol, variant).orElseThrow(() -> new IllegalArgumentException(unknown(protocol, variant)));
    }

    /** The entry with the given {@code protocol/variant} id; throws {@link IllegalArgumentException} if unknown. */
    public static Entry get(String id) {
        int slash = id.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a protocol/variant id: " + id);
        }
        return get(id.substring(0, slash), id.substring(slash + 1));
    }

    /** The {@link Checks} annotation on a class or method, if it has one. */
    public static Optional<Checks> checksOf(AnnotatedElement element) {
        return Optional.ofNullable(element.getAnnotation(Checks.class));
    }

    /**
     * The entry named by the {@link Checks} annotation on the given class or method.
     *
     * @throws IllegalArgumentException if it has no {@code @Checks}, or names an entry the catalogue does not have
     */
    public static Entry forClass(AnnotatedElement annotated) {
        Checks checks = checksOf(annotated).orElseThrow(
                () -> new IllegalArgumentException(annotated + " has no @Checks annotation"));
        return find(checks.protocol(), checks.variant()).orElseThrow(
                () -> new IllegalArgumentException("@Checks on " + annotated + ": "
                        + unknown(checks.protocol(), checks.variant())));
    }

    /** The problem with an id the catalogue does not know, naming what it does know. */
    static String unknown(String protocol, String variant) {
        List<String> variants = ENTRIES.stream()
                .filter(e -> e.protocol().equals(protocol))
                .map(Entry::variant)
                .collect(Collectors.toList());
        if (variants.isEmpty()) {
            return "no protocol '" + protocol + "' in the catalogue; protocols: " + ENTRIES.stream()
                    .map(Entry::protocol).distinct().collect(Collectors.joining(", "));
        }
        return "no variant '" + variant + "' of " + protocol + " in the catalogue; variants: "
                + String.join(", ", variants);
    }

    /**
     * The catalogue as a text table: entry, bug id, one column per checker, original. NOT_EXPECTED reasons and
     * descriptions follow as numbered notes.
     */
    public static String render() {
        List<String> header = new ArrayList<>(List.of("ENTRY", "BUG"));
        for (Checker c : Checker.values()) {
            header.add(c.name());
        }
        header.add("ORIGINAL");
        List<List<String>> rows = new ArrayList<>();
        Map<String, Integer> reasons = new LinkedHashMap<>();
        for (Entry e : ENTRIES) {
            List<String> row = new ArrayList<>(List.of(e.id(), e.isMutant() ? e.bugId() : "-"));
            for (Checker c : Checker.values()) {
                Expected x = e.expected(c);
                String cell = x.expectation().name();
                if (x.expectation() == Expectation.NOT_EXPECTED) {
                    cell += " [" + reasons.computeIfAbsent(x.reason(), r -> reasons.size() + 1) + "]";
                }
                row.add(x.testsPending() ? cell + " (pending)" : cell);
            }
            row.add(e.original().name());
            rows.add(row);
        }
        StringBuilder out = new StringBuilder(TextTable.render(header, rows));
        reasons.forEach((reason, n) -> out.append('[').append(n).append("] ").append(reason).append('\n'));
        return out.toString();
    }

    /** Prints {@link #render()} and every entry's description. */
    public static void main(String[] args) {
        System.out.print(render());
        System.out.println();
        for (Entry e : ENTRIES) {
            System.out.println(e.id() + (e.isMutant() ? " (" + e.bugId() + ")" : "") + ": " + e.description());
            System.out.println("    follows " + e.original());
        }
    }

    private static Entry correct(String protocol, Original original, String description, Expected... columns) {
        return new Entry(protocol, Entry.CORRECT, "", description, original, List.of(columns));
    }

    private static Entry mutant(String protocol, String variant, String bugId, Original original, String description,
                                Expected... columns) {
        return new Entry(protocol, variant, bugId, description, original, List.of(columns));
    }

    private static Map<String, Entry> index(List<Entry> entries) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (byId.put(e.id(), e) != null) {
                throw new IllegalStateException("duplicate catalogue entry " + e.id());
            }
        }
        for (Entry e : entries) {
            if (e.isMutant() && !byId.containsKey(e.protocol() + "/" + Entry.CORRECT)) {
                throw new IllegalStateException("mutant " + e.id() + " has no correct protocol entry");
            }
        }
        return Collections.unmodifiableMap(byId);
    }
}
