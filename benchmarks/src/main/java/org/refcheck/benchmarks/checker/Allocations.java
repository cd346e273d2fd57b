package org.refcheck.benchmarks.checker;

import java.lang.management.ManagementFactory;

/**
 * The JVM's CPU time, and the bytes allocated by every live thread of this JVM so far (HotSpot's per-thread allocation counters), so that a
 * run's allocation is the difference of two readings. The model checker's carrier threads are pooled and live for
 * the whole JVM, so nothing they allocate is lost between readings.
 */
final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    /** CPU time of this JVM so far, every thread, in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long total() {
        long sum = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }
}
