package org.refcheck.benchmarks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.refcheck.benchmarks.cdev.CallGateVsLocks;
import org.refcheck.benchmarks.facade.FacadeVsVarHandle;
import org.refcheck.benchmarks.rcu.RcuReadSide;
import org.refcheck.benchmarks.refcount.RefcountVsAtomicInteger;

class ComparisonsTest {

    private static Set<String> benchmarkMethods() {
        Set<String> names = new HashSet<>();
        for (Class<?> c : List.of(FacadeVsVarHandle.class, RefcountVsAtomicInteger.class, RcuReadSide.class,
                CallGateVsLocks.class)) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Benchmark.class)) {
                    names.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        return names;
    }

    @Test
    void everyComparisonNamesTwoBenchmarks() {
        Set<String> methods = benchmarkMethods();
        for (Comparison c : Comparisons.all()) {
            assertTrue(methods.contains(c.operation()), c.operation() + " is no @Benchmark method");
            assertTrue(methods.contains(c.baseline()), c.baseline() + " is no @Benchmark method");
        }
    }

    @Test
    void theDesignTargetsAreAllThere() {
        long facade = Comparisons.all().stream().filter(c -> c.maxRatio() != null
                && c.operation().startsWith("FacadeVsVarHandle.")).count();
        assertEquals(6, facade);
        assertTrue(Comparisons.all().contains(Comparison.target("RcuReadSide.rcu2Reader",
                "RcuReadSide.rwlock2Reader", 0.1, "10x faster than RRWL")));
        assertTrue(Comparisons.all().contains(Comparison.target("RcuReadSide.rcu1Reader",
                "RcuReadSide.volatile1Reader", 2.0, "within 2x of a volatile read")));
        for (String qsbr : List.of("qsbr", "qsbrBatch")) {
            assertTrue(Comparisons.all().contains(Comparison.target("RcuReadSide." + qsbr + "2Reader",
                    "RcuReadSide.rwlock2Reader", 0.1, "10x faster than RRWL")), qsbr);
            assertTrue(Comparisons.all().contains(Comparison.target("RcuReadSide." + qsbr + "1Reader",
                    "RcuReadSide.volatile1Reader", 2.0, "within 2x of a volatile read")), qsbr);
            assertTrue(Comparisons.all().contains(Comparison.of("RcuReadSide.rwlock2Reader",
                    "RcuReadSide." + qsbr + "2Reader")), qsbr);
        }
    }

    @Test
    void verdictSaysByHowMuchATargetIsMissed() {
        Comparison c = Comparison.target("a", "b", 1.05, "within 5%");
        assertEquals("met", c.verdict(1.04));
        assertEquals("missed by 10%", c.verdict(1.155));
        assertEquals("missed: 4.0x over", Comparison.target("a", "b", 2.0, "2x").verdict(8.0));
        assertEquals("", Comparison.of("a", "b").verdict(100));
    }
}
