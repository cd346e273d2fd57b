package org.refcheck.report.collect;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;
import org.refcheck.protocols.refcount.Ref;
import org.refcheck.protocols.refcount.mutant.TouchAfterDecrementRef;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.Threads;

/** Real model-checker runs for the collector tests: two holders of a Ref drop it at once. */
final class DropDrop {

    private DropDrop() {
    }

    /** The correct Ref: passes exhaustively. */
    static ModelResult correct() {
        return Model.builder().maxPreemptions(-1).check(() -> race(true));
    }

    /** The touch-after-decrement mutant: a use after free. */
    static ModelResult mutant() {
        return Model.builder().maxPreemptions(-1).check(() -> race(false));
    }

    private static void race(boolean correct) {
        LifetimeTracker heap = new LifetimeTracker();
        Ref<String> a = correct ? Ref.create(heap, "v") : TouchAfterDecrementRef.create(heap, "v");
        Ref<String> b = a.clone();
        Joinable t = Threads.spawn("T1", b::drop);
        a.drop();
        t.join();
    }
}
