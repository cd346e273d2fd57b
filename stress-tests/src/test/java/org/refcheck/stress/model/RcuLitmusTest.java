package org.refcheck.stress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuPointer;
import org.refcheck.protocols.rcu.RcuReadGuard;
import org.refcheck.protocols.rcu.RcuReader;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/**
 * The Linux kernel's RCU litmus tests, written against refcheck's RCU and explored exhaustively by the model checker,
 * which must reach the verdict the kernel states ("Result: Never" for each {@code exists} clause) and, loom-style,
 * exactly the set of outcomes sequential consistency allows. Each test also runs a broken variant (the grace period
 * removed, or the pointer published before its target is initialised) and must then reach the forbidden outcome,
 * so that each test can fail.
 *
 * <ul>
 *   <li>Documentation/litmus-tests/rcu/RCU+sync+read.litmus: {@code P0: rcu_read_lock; x = 1; y = 1;
 *       rcu_read_unlock} and {@code P1: r0 = x; synchronize_rcu; r1 = y}; never {@code r0 == 1 && r1 == 0}.</li>
 *   <li>Documentation/litmus-tests/rcu/RCU+sync+free.litmus: {@code y = &x, x = 1}; {@code P0: rcu_read_lock;
 *       r0 = rcu_dereference(y); r1 = *r0; rcu_read_unlock} and {@code P1: rcu_assign_pointer(y, &z);
 *       synchronize_rcu; x = 0}; never {@code r0 == &x && r1 == 0}.</li>
 *   <li>tools/memory-model/litmus-tests/MP+onceassign+derefonce.litmus: {@code p = &y, y = 0}; {@code P0: x = 1;
 *       rcu_assign_pointer(p, &x)} and {@code P1: rcu_read_lock; r0 = rcu_dereference(p); r1 = *r0;
 *       rcu_read_unlock}; never {@code r0 == &x && r1 == 0}.</li>
 * </ul>
 */
@Tag("model")
class RcuLitmusTest {

    /** The domain without a grace period: the broken variant of the two grace-period tests. */
    private static Rcu withoutGracePeriod(String label) {
        return new Rcu(label) {
            @Override
            public void synchronize() {
            }
        };
    }

    /** RCU+sync+read; the outcome is "r0 r1". */
    private static Runnable syncRead(Function<String, Rcu> domain, Set<String> outcomes) {
        return () -> {
            Rcu rcu = domain.apply("rcu");
            RcuReader p0 = rcu.register();
            SharedInt x = SharedInt.of("x", 0);
            SharedInt y = SharedInt.of("y", 0);
            Joinable reader = Threads.spawn("P0", () -> {
                try (RcuReadGuard section = p0.readLock()) {
                    x.setOpaque(1);
                    y.setOpaque(1);
                }
            });
            int r0 = x.getOpaque();
            rcu.synchronize();
            int r1 = y.getOpaque();
            reader.join();
            outcomes.add(r0 + " " + r1);
            if (r0 == 1 && r1 == 0) {
                throw new AssertionError("RCU+sync+read: exists (1:r0=1 /\\ 1:r1=0) was reached");
            }
        };
    }

    /** RCU+sync+free; the outcome is "r0 r1" with r0 the name of the cell read. */
    private static Runnable syncFree(Function<String, Rcu> domain, Set<String> outcomes) {
        return () -> {
            Rcu rcu = domain.apply("rcu");
            RcuReader p0 = rcu.register();
            SharedInt x = SharedInt.of("x", 1);
            SharedInt z = SharedInt.of("z", 1);
            RcuPointer<SharedInt> y = new RcuPointer<>("y", x);
            String[] r0 = new String[1];
            int[] r1 = new int[1];
            Joinable reader = Threads.spawn("P0", () -> {
                try (RcuReadGuard section = p0.readLock()) {
                    SharedInt target = y.dereference(section);
                    r0[0] = target.label();
                    r1[0] = target.getOpaque();
                }
            });
            y.assign(z);
            rcu.synchronize();
            x.setOpaque(0);
            reader.join();
            outcomes.add(r0[0] + " " + r1[0]);
            if (r0[0].equals("x") && r1[0] == 0) {
                throw new AssertionError("RCU+sync+free: exists (0:r0=x /\\ 0:r1=0) was reached");
            }
        };
    }

    /** MP+onceassign+derefonce; the outcome is "r0 r1". {@code initialiseFirst == false} publishes first. */
    private static Runnable publish(boolean initialiseFirst, Set<String> outcomes) {
        return () -> {
            Rcu rcu = new Rcu("rcu");
            RcuReader p1 = rcu.register();
            SharedInt x = SharedInt.of("x", 0);
            SharedInt y = SharedInt.of("y", 0);
            RcuPointer<SharedInt> p = new RcuPointer<>("p", y);
            String[] r0 = new String[1];
            int[] r1 = new int[1];
            Joinable reader = Threads.spawn("P1", () -> {
                try (RcuReadGuard section = p1.readLock()) {
                    SharedInt target = p.dereference(section);
                    r0[0] = target.label();
                    r1[0] = target.getOpaque();
                }
            });
            if (initialiseFirst) {
                x.setOpaque(1);
                p.assign(x);
            } else {
                p.assign(x);
                x.setOpaque(1);
            }
            reader.join();
            outcomes.add(r0[0] + " " + r1[0]);
            if (r0[0].equals("x") && r1[0] == 0) {
                throw new AssertionError("MP+onceassign+derefonce: exists (1:r0=x /\\ 1:r1=0) was reached");
            }
        };
    }

    @Test
    @Checks(protocol = "rcu", variant = "correct")
    void rcuSyncRead() {
        Set<String> outcomes = new TreeSet<>();
        ModelVerdicts.expectPasses("RCU+sync+read litmus", syncRead(Rcu::new, outcomes));
        assertEquals(Set.of("0 0", "0 1", "1 1"), outcomes);
        assertReachedWithout("RCU+sync+read", syncRead(RcuLitmusTest::withoutGracePeriod, new TreeSet<>()));
    }

    @Test
    @Checks(protocol = "rcu", variant = "correct")
    void rcuSyncFree() {
        Set<String> outcomes = new TreeSet<>();
        ModelVerdicts.expectPasses("RCU+sync+free litmus", syncFree(Rcu::new, outcomes));
        assertEquals(Set.of("x 1", "z 1"), outcomes);
        assertReachedWithout("RCU+sync+free", syncFree(RcuLitmusTest::withoutGracePeriod, new TreeSet<>()));
    }

    @Test
    @Checks(protocol = "rcu", variant = "correct")
    void messagePassingThroughAnRcuPointer() {
        Set<String> outcomes = new TreeSet<>();
        ModelVerdicts.expectPasses("MP+onceassign+derefonce litmus", publish(true, outcomes));
        assertEquals(Set.of("x 1", "y 0"), outcomes);
        assertReachedWithout("MP+onceassign+derefonce", publish(false, new TreeSet<>()));
    }

    /** The broken variant must reach the forbidden outcome, with a counterexample that replays. */
    private static void assertReachedWithout(String litmus, Runnable broken) {
        ModelResult r = Model.builder().maxPreemptions(-1).check(broken);
        assertTrue(r.failed(), litmus + ": the broken variant never reached the forbidden outcome: " + r.summary());
        assertTrue(r.counterexample().failure().message().contains("exists"), r.counterexample().render());
        assertTrue(r.counterexample().replayed(), r.counterexample().render());
    }
}
