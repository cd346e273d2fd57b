package org.refcheck.protocols.kref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;

/** kref.rst rule 1 done right: the worker's reference is taken before the worker exists. */
public class KrefHandoffTest {

    /** Starts the worker on a new thread and lets it run to completion before the creator continues. */
    public static final Executor RUN_WORKER_TO_COMPLETION = task -> {
        Thread worker = new Thread(task, "worker");
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    };

    @Test
    void workerFinishingFirstLeavesTheCreatorsReference() {
        LifetimeTracker heap = new LifetimeTracker();
        KrefHandoff<String> h = new KrefHandoff<>(heap, "payload");
        h.handOff(RUN_WORKER_TO_COMPLETION);
        assertEquals(1, h.kref().refcount().observe(), "the worker put its own reference");
        h.creatorDone();
        assertEquals(List.of(), heap.finish());
        assertTrue(heap.warnings().isEmpty());
    }

    @Test
    void creatorFinishingFirstLeavesTheWorkersReference() {
        LifetimeTracker heap = new LifetimeTracker();
        KrefHandoff<String> h = new KrefHandoff<>(heap, "payload");
        Runnable[] pending = new Runnable[1];
        h.handOff(task -> pending[0] = task);   // the worker has not run yet
        h.creatorDone();
        assertEquals(1, h.kref().refcount().observe());
        pending[0].run();
        assertEquals(List.of(), heap.finish());
        assertTrue(heap.warnings().isEmpty());
    }
}
