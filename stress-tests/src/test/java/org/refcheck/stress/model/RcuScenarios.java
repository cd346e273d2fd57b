package org.refcheck.stress.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.gpio.GpioChip;
import org.refcheck.protocols.gpio.GpioDevice;
import org.refcheck.protocols.rcu.CallRcu;
import org.refcheck.protocols.rcu.QsbrCell;
import org.refcheck.protocols.rcu.QsbrRcu;
import org.refcheck.protocols.rcu.QsbrReadGuard;
import org.refcheck.protocols.rcu.QsbrReader;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuCell;
import org.refcheck.protocols.rcu.RcuPointer;
import org.refcheck.protocols.rcu.RcuReader;
import org.refcheck.protocols.rcu.Srcu;
import org.refcheck.protocols.rcu.SrcuReadGuard;
import org.refcheck.protocols.revocable.AsyncRevocable;
import org.refcheck.protocols.revocable.AsyncRevocableGuard;
import org.refcheck.protocols.revocable.Revocable;
import org.refcheck.protocols.revocable.RevocableGuard;

/**
 * The model checker's scenarios for the RCU family (RCU, QSBR, SRCU, Revocable, the GPIO chip pointer): in each, thread 0
 * updates, revokes or removes, and the other {@code n - 1} threads read, each through its own reader record. Written
 * once, run against the correct protocol and its mutants; every scenario ends with everything freed, so the leak
 * oracle applies.
 */
final class RcuScenarios {

    private RcuScenarios() {
    }

    /** The RCU pieces a scenario runs on: the domain, its call_rcu queue, the cell (correct or a mutant). */
    record RcuParts(Rcu rcu, CallRcu deferred, RcuCell<Integer> cell) {
    }

    /** Builds the pieces of one execution, from the tracker of that execution. */
    @FunctionalInterface
    interface RcuMaker {
        RcuParts create(LifetimeTracker heap);

        /** The correct domain, queue and cell. */
        static RcuMaker correct() {
            return of(Rcu::new, CallRcu::new, RcuCell::new);
        }

        /** A domain, a queue and a cell from the given constructors (of the correct classes or of mutants). */
        static RcuMaker of(Function<String, Rcu> domain, Function<Rcu, CallRcu> queue, CellConstructor cell) {
            return heap -> {
                Rcu rcu = domain.apply("rcu");
                CallRcu deferred = queue.apply(rcu);
                return new RcuParts(rcu, deferred, cell.create(rcu, deferred, heap, "cell", 0));
            };
        }
    }

    /** A constructor of {@link RcuCell} or of a mutant of it. */
    @FunctionalInterface
    interface CellConstructor {
        RcuCell<Integer> create(Rcu rcu, CallRcu deferred, LifetimeTracker heap, String label, Integer initial);
    }

    /** The QSBR pieces a scenario runs on: the domain and the cell (each correct or a mutant). */
    record QsbrParts(QsbrRcu rcu, QsbrCell<Integer> cell) {
    }

    /** Builds the QSBR pieces of one execution, from the tracker of that execution. */
    @FunctionalInterface
    interface QsbrMaker {
        QsbrParts create(LifetimeTracker heap);

        /** The correct domain and cell. */
        static QsbrMaker correct() {
            return of(QsbrRcu::new, QsbrCell::new);
        }

        /** A domain and a cell from the given constructors (of the correct classes or of mutants). */
        static QsbrMaker of(Function<String, QsbrRcu> domain, QsbrCellConstructor cell) {
            return heap -> {
                QsbrRcu rcu = domain.apply("qsbr");
                return new QsbrParts(rcu, cell.create(rcu, heap, "cell", 0));
            };
        }
    }

    /** A constructor of {@link QsbrCell} or of a mutant of it. */
    @FunctionalInterface
    interface QsbrCellConstructor {
        QsbrCell<Integer> create(QsbrRcu rcu, LifetimeTracker heap, String label, Integer initial);
    }

    /** Makes a Revocable over an RCU domain, correct or a mutant. */
    @FunctionalInterface
    interface RevocableMaker {
        Revocable<String> create(Rcu rcu, LifetimeTracker heap, String label, String data);
    }

    /** Makes a GPIO device, correct or a mutant. */
    @FunctionalInterface
    interface DeviceMaker {
        GpioDevice create(String label, GpioChip chip);
    }

    /** {@code n - 1} readers each read the cell once; the updater replaces it {@code updates} times, synchronously. */
    static Runnable readersVsReplace(RcuMaker maker, int n, int updates) {
        return readersVs(maker, n, parts -> () -> {
            for (int i = 1; i <= updates; i++) {
                parts.cell().replace(i);
            }
        });
    }

    /**
     * {@code n - 1} readers read the cell once; the updater replaces it and frees the old version with
     * {@code call_rcu}. With 3 threads or more the last reader's thread is instead a reclaimer that runs the
     * barrier; with 2 the updater runs it.
     */
    static Runnable readersVsDeferredReplace(RcuMaker maker, int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            RcuParts parts = maker.create(heap);
            List<Runnable> bodies = new ArrayList<>();
            boolean reclaimerThread = n >= 3;
            bodies.add(() -> {
                parts.cell().replaceDeferred(1);
                if (!reclaimerThread) {
                    parts.deferred().barrier();
                }
            });
            for (int i = 1; i < (reclaimerThread ? n - 1 : n); i++) {
                bodies.add(reader(parts));
            }
            if (reclaimerThread) {
                bodies.add(() -> parts.deferred().barrier());
            }
            race(heap, bodies, () -> parts.cell().close());
        };
    }

    /** The updater does a read-copy-update of the cell while {@code n - 1} readers read it. */
    static Runnable readersVsUpdate(RcuMaker maker, int n) {
        return readersVs(maker, n, parts -> {
            RcuReader updater = parts.rcu().register();
            return () -> parts.cell().update(updater, v -> v + 1);
        });
    }

    private static Runnable readersVs(RcuMaker maker, int n, Function<RcuParts, Runnable> updater) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            RcuParts parts = maker.create(heap);
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(updater.apply(parts));
            for (int i = 1; i < n; i++) {
                bodies.add(reader(parts));
            }
            race(heap, bodies, () -> parts.cell().close());
        };
    }

    /** One reader thread's body: registered before the race, one read of the cell. */
    private static Runnable reader(RcuParts parts) {
        RcuReader me = parts.rcu().register();
        return () -> parts.cell().read(me, v -> v);
    }

    /**
     * QSBR: {@code n - 1} readers, registered (online) before the race, each read the cell once, announce a
     * quiescent state and go offline (a reader that stayed online would stall the grace period for good); the
     * updater replaces the cell {@code updates} times, synchronously. With {@code updaterOnline} the updater is
     * itself a registered reader, online throughout, so each {@code synchronize} must put it offline for the wait.
     */
    static Runnable qsbrReadersVsReplace(QsbrMaker maker, int n, int updates, boolean updaterOnline) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            QsbrParts parts = maker.create(heap);
            QsbrReader self = updaterOnline ? parts.rcu().register() : null;
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> {
                for (int i = 1; i <= updates; i++) {
                    parts.cell().replace(self, i);
                }
            });
            for (int i = 1; i < n; i++) {
                QsbrReader me = parts.rcu().register();
                bodies.add(() -> {
                    parts.cell().read(me, v -> v);
                    me.quiescentState();
                    me.offline();
                });
            }
            race(heap, bodies, () -> parts.cell().close());
        };
    }

    /**
     * QSBR, a reader that starts offline inside the race: it comes online, reads the cell, announces a quiescent
     * state, reads it again and goes offline; the updater (thread 0, no reader of its own) replaces the cell
     * {@code updates} times, synchronously. Unlike {@link #qsbrReadersVsReplace}, the reader dereferences after its
     * {@code online()} and after its quiescent state, so the fences that follow their stores are exercised: without
     * them the updater may read the reader's counter from before the store and free a version the reader is about
     * to use.
     */
    static Runnable qsbrReaderComesOnline(QsbrMaker maker, int updates) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            QsbrParts parts = maker.create(heap);
            QsbrReader me = parts.rcu().register();
            me.offline();
            race(heap, List.of(() -> replaceQsbr(parts, updates), () -> {
                me.online();
                parts.cell().read(me, v -> v);
                me.quiescentState();
                parts.cell().read(me, v -> v);
                me.offline();
            }), () -> parts.cell().close());
        };
    }

    /**
     * QSBR, a reader that registers inside the race ({@code register()} racing with a grace period), reads the cell,
     * announces a quiescent state and unregisters; the updater replaces the cell {@code updates} times.
     */
    static Runnable qsbrReaderRegistersDuringGracePeriod(QsbrMaker maker, int updates) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            QsbrParts parts = maker.create(heap);
            race(heap, List.of(() -> replaceQsbr(parts, updates), () -> {
                QsbrReader me = parts.rcu().register();
                parts.cell().read(me, v -> v);
                me.quiescentState();
                me.unregister();
            }), () -> parts.cell().close());
        };
    }

    /**
     * QSBR, a pointer used after its read-side section closed: the reader (online before the race) dereferences an
     * object inside a section, closes the section, uses the object twice, and only then announces a quiescent state
     * and goes offline. QSBR protects the object until that quiescent state, so the updater, which replaces the
     * object and frees the old one after {@code synchronize()}, cannot free it under the uses.
     */
    static Runnable qsbrUseAfterSectionBeforeQuiescentState() {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            QsbrRcu rcu = new QsbrRcu("qsbr");
            RcuPointer<Allocation> current = new RcuPointer<>("gp", heap.allocate("obj0"));
            QsbrReader me = rcu.register();
            race(heap, List.of(() -> {
                Allocation old = current.replace(heap.allocate("obj1"));
                rcu.synchronize();
                old.free();
            }, () -> {
                Allocation obj;
                try (QsbrReadGuard section = me.readLock()) {
                    obj = current.dereference(section);
                }
                obj.access();
                obj.access();
                me.quiescentState();
                me.offline();
            }), () -> current.access().free());
        };
    }

    private static void replaceQsbr(QsbrParts parts, int updates) {
        for (int i = 1; i <= updates; i++) {
            parts.cell().replace(null, i);
        }
    }

    /**
     * SRCU: {@code n - 1} readers dereference a protected object inside an SRCU section and use it; the updater
     * replaces it twice (two grace periods, so both indices are drained and flipped), freeing each old object after
     * {@code synchronize_srcu}.
     */
    static Runnable srcuReadersVsReplace(int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Srcu srcu = new Srcu("srcu");
            RcuPointer<Allocation> current = new RcuPointer<>("gp", heap.allocate("obj0"));
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> {
                for (int i = 1; i <= 2; i++) {
                    Allocation old = current.replace(heap.allocate("obj" + i));
                    srcu.synchronize();
                    old.free();
                }
            });
            for (int i = 1; i < n; i++) {
                bodies.add(() -> {
                    try (SrcuReadGuard section = srcu.readLock()) {
                        Allocation obj = current.dereference(section);
                        obj.access();
                        obj.access();
                    }
                });
            }
            race(heap, bodies, () -> current.access().free());
        };
    }

    /** Revocable: {@code n - 1} users try to access the data and use it twice; the owner revokes it. */
    static Runnable accessVsRevoke(RevocableMaker maker, int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Rcu rcu = new Rcu("rcu");
            Revocable<String> res = maker.create(rcu, heap, "res", "regs");
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> check(res.revoke(), "the only revoke did not revoke"));
            for (int i = 1; i < n; i++) {
                RcuReader me = rcu.register();
                bodies.add(() -> {
                    try (RevocableGuard<String> guard = res.tryAccess(me)) {
                        if (guard != null) {
                            guard.get();
                            guard.get();
                        }
                    }
                });
            }
            race(heap, bodies, () -> {
                check(!res.revoke(), "a second revoke revoked again");
                res.drop();
            });
        };
    }

    /**
     * AsyncRevocable: one user accesses the data and uses it while {@code n - 1} owners revoke it without waiting;
     * exactly one revoke must report that it revoked. (Every step of this protocol is on one word, so a second user
     * instead of a second revoker would multiply the traces for no new interleaving of interest.)
     */
    static Runnable asyncAccessVsRevoke(int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            AsyncRevocable<String> res = new AsyncRevocable<>(heap, "res", "regs");
            boolean[] revoked = new boolean[n];
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> {
                try (AsyncRevocableGuard<String> guard = res.tryAccess()) {
                    if (guard != null) {
                        guard.get();
                    }
                }
            });
            for (int i = 1; i < n; i++) {
                int me = i;
                bodies.add(() -> revoked[me] = res.revoke());
            }
            race(heap, bodies, () -> {
                int revokes = 0;
                for (boolean r : revoked) {
                    revokes += r ? 1 : 0;
                }
                check(revokes == 1, revokes + " revokes reported that they revoked");
                check(res.tryAccess() == null, "access granted after revoke returned");
                res.drop();
            });
        };
    }

    /** GPIO: {@code n - 1} callers read and write a line; the driver unbinds (gpiochip_remove, then free). */
    static Runnable callsVsUnregister(DeviceMaker maker, int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            GpioDevice gdev = maker.create("gpiochip0", new GpioChip(heap, "gc", 1));
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> check(gdev.unregister(), "the only removal did not remove the chip"));
            for (int i = 1; i < n; i++) {
                bodies.add(() -> {
                    int set = gdev.setValue(0, 1);
                    int got = gdev.getValue(0);
                    check(set == 0 || set == GpioDevice.ENODEV, "set returned " + set);
                    check(got == 1 || got == GpioDevice.ENODEV, "get returned " + got);
                    check(set == 0 || got == GpioDevice.ENODEV, "the chip came back after a call saw it gone");
                });
            }
            race(heap, bodies,
                    () -> check(gdev.getValue(0) == GpioDevice.ENODEV, "a call reached the chip after removal returned"));
        };
    }

    /**
     * {@link Scenarios#race} followed by {@code cleanup} (which frees what the race left, on the calling thread)
     * before the tracker is judged: by the model checker's oracles at the end of the execution, or, under any other
     * checker, by an assertion on the calling thread, leaks included.
     */
    private static void race(LifetimeTracker heap, List<Runnable> bodies, Runnable cleanup) {
        Scenarios.race(heap, true, bodies);
        cleanup.run();
        Scenarios.assertClean(heap, false);
    }

    private static void check(boolean holds, String message) {
        if (!holds) {
            throw new AssertionError(message);
        }
    }
}
