package org.refcheck.benchmarks.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;

/**
 * One model-checking run measured: its result, wall time, the CPU time of the whole JVM (every worker and carrier
 * thread: on a machine loaded by other work, CPU time shows the work a run did where wall time shows the share of
 * the CPUs it got) and bytes allocated; {@link #median} runs a scenario once to warm up, then {@code repeats}
 * times, and keeps the run of median time.
 */
record Measurement(ModelResult result, double seconds, double cpuSeconds, long allocatedBytes) {

    double executionsPerSecond() {
        return result.executions() / seconds;
    }

    double tracesPerSecond() {
        return result.traces() / seconds;
    }

    double bytesPerExecution() {
        return (double) allocatedBytes / Math.max(1, result.executions());
    }

    static Measurement once(Supplier<Model.Builder> builder, Runnable body) {
        long bytes = Allocations.total();
        long cpu = Allocations.processCpuNanos();
        long start = System.nanoTime();
        ModelResult r = builder.get().check(body);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measurement(r, seconds, (Allocations.processCpuNanos() - cpu) / 1e9, Allocations.total() - bytes);
    }

    static Measurement median(int repeats, Supplier<Model.Builder> builder, Runnable body) {
        once(builder, body);
        List<Measurement> all = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            all.add(once(builder, body));
        }
        all.sort((a, b) -> Double.compare(a.seconds, b.seconds));
        return all.get(all.size() / 2);
    }
}
