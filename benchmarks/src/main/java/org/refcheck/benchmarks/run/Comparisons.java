package org.refcheck.benchmarks.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Which benchmark is measured against which, and the design's targets: the facade within 5% of hand-written
 * {@code VarHandle} code; the RCU read side (urcu-mb, and urcu-qsbr with a quiescent state on every read and on
 * every 64th) within 2x of a plain volatile read and at least 10x faster than a {@code ReentrantReadWriteLock} read
 * under two readers. RRWL / QSBR is reported as well (how many times faster QSBR is), and QSBR / urcu-mb. The first
 * comparison of an operation names its baseline in the results table.
 */
final class Comparisons {

    private Comparisons() {
    }

    static List<Comparison> all() {
        List<Comparison> all = new ArrayList<>();
        for (String op : List.of("getAcquire", "setRelease", "getAndAdd", "compareAndSet", "getAndSetRef",
                "fullFence")) {
            all.add(Comparison.target("FacadeVsVarHandle." + op, "FacadeVsVarHandle." + op + "VarHandle", 1.05,
                    "within 5% of VarHandle"));
        }
        all.add(Comparison.of("RefcountVsAtomicInteger.refCloneDrop", "RefcountVsAtomicInteger.atomicCloneDrop"));
        all.add(Comparison.of("RefcountVsAtomicInteger.arcCloneDrop", "RefcountVsAtomicInteger.atomicCloneDrop"));
        all.add(Comparison.of("RefcountVsAtomicInteger.arcUpgradeDrop",
                "RefcountVsAtomicInteger.atomicUpgradeDrop"));
        all.add(Comparison.of("RefcountVsAtomicInteger.refCloneDropContended",
                "RefcountVsAtomicInteger.atomicCloneDropContended"));
        all.add(Comparison.of("RefcountVsAtomicInteger.arcCloneDropContended",
                "RefcountVsAtomicInteger.atomicCloneDropContended"));
        for (int readers = 1; readers <= 2; readers++) {
            String rcu = "RcuReadSide.rcu" + readers + "Reader";
            all.add(Comparison.target(rcu, "RcuReadSide.volatile" + readers + "Reader", 2.0,
                    "within 2x of a volatile read"));
            all.add(readers == 2
                    ? Comparison.target(rcu, "RcuReadSide.rwlock2Reader", 0.1, "10x faster than RRWL")
                    : Comparison.of(rcu, "RcuReadSide.rwlock1Reader"));
            all.add(Comparison.of(rcu, "RcuReadSide.stamped" + readers + "Reader"));
            for (String qsbr : List.of("RcuReadSide.qsbr" + readers + "Reader",
                    "RcuReadSide.qsbrBatch" + readers + "Reader")) {
                all.add(Comparison.target(qsbr, "RcuReadSide.volatile" + readers + "Reader", 2.0,
                        "within 2x of a volatile read"));
                all.add(readers == 2
                        ? Comparison.target(qsbr, "RcuReadSide.rwlock2Reader", 0.1, "10x faster than RRWL")
                        : Comparison.of(qsbr, "RcuReadSide.rwlock1Reader"));
                all.add(Comparison.of("RcuReadSide.rwlock" + readers + "Reader", qsbr));
                all.add(Comparison.of(qsbr, rcu));
            }
            all.add(Comparison.of("RcuReadSide.rwlock" + readers + "Reader", "RcuReadSide.volatile" + readers
                    + "Reader"));
            all.add(Comparison.of("RcuReadSide.stamped" + readers + "Reader", "RcuReadSide.volatile" + readers
                    + "Reader"));
        }
        for (String suffix : List.of("", "2")) {
            String percpu = "CallGateVsLocks.percpuGate" + suffix;
            all.add(Comparison.of(percpu, "CallGateVsLocks.semaphore" + suffix));
            all.add(Comparison.of(percpu, "CallGateVsLocks.readWriteLock" + suffix));
            all.add(Comparison.of("CallGateVsLocks.lockedGate" + suffix, "CallGateVsLocks.semaphore" + suffix));
            all.add(Comparison.of("CallGateVsLocks.readWriteLock" + suffix, "CallGateVsLocks.semaphore" + suffix));
        }
        return all;
    }
}
