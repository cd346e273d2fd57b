package org.refcheck.protocols.arc.mutant;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.ArcScheme;
import org.refcheck.protocols.arc.TestPayload;
import org.refcheck.protocols.arc.Weak;

/**
 * One sequential run through every {@code Arc}/{@code Weak} operation, returning what a user can observe (results,
 * counts, destructor runs, lifetime violations). Two schemes that agree on this under every sequential execution
 * can only be told apart by interleavings or, for the weak-memory mutants, by happens-before tracking.
 */
final class SequentialScript {

    private SequentialScript() {
    }

    static List<String> observe(ArcScheme scheme) {
        List<String> seen = new ArrayList<>();
        LifetimeTracker heap = new LifetimeTracker();

        TestPayload p = new TestPayload();
        Arc<TestPayload> a = Arc.create(heap, "A", p, scheme);
        a.get().write(1);
        Arc<TestPayload> b = a.clone();
        seen.add("strong after clone = " + a.strongCount());
        Weak<TestPayload> w = a.downgrade();
        seen.add("weak after downgrade = " + a.weakCount());
        seen.add("getMut while shared = " + (a.getMut() != null));
        Arc<TestPayload> up = w.upgrade();
        seen.add("upgrade while live = " + (up != null));
        up.drop();
        b.drop();
        seen.add("getMut with a Weak = " + (a.getMut() != null));
        Weak<TestPayload> w2 = w.clone();
        seen.add("Weak.weakCount = " + w2.weakCount());
        w2.drop();
        w.drop();
        seen.add("isUnique = " + a.isUnique());
        TestPayload mut = a.getMut();
        seen.add("getMut unique = " + (mut == p));
        mut.write(2);
        Arc<TestPayload> c = a.clone();
        seen.add("intoInner of a clone = " + c.intoInner());
        seen.add("intoInner of the last = " + (a.intoInner() == p) + ", value " + p.read());

        Arc<TestPayload> d = Arc.create(heap, "D", new TestPayload(), scheme);
        Weak<TestPayload> dw = d.downgrade();
        Arc<TestPayload> d2 = d.clone();
        seen.add("tryUnwrap while shared = " + d.tryUnwrap());
        d2.drop();
        seen.add("tryUnwrap unique = " + (d.tryUnwrap() != null));
        seen.add("upgrade after unwrap = " + dw.upgrade());
        dw.drop();

        TestPayload q = new TestPayload();
        Arc<TestPayload> e = Arc.create(heap, "E", q, scheme);
        Weak<TestPayload> ew = e.downgrade();
        Arc<TestPayload> f = e.clone();
        e.drop();
        f.drop();
        seen.add("destructor runs = " + q.drops());
        seen.add("upgrade after the last drop = " + ew.upgrade() + ", strong " + ew.strongCount());
        ew.drop();

        seen.add("violations = " + heap.finish());
        return seen;
    }
}
