package org.refcheck.protocols.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Warning;
import org.refcheck.protocols.refcount.mutant.UnguardedSubAndTestRefcount;
import org.refcheck.protocols.refcount.mutant.UnsaturatedRefcount;

/**
 * The lkdtm refcount self-tests (drivers/misc/lkdtm/refcount.c) as a behaviour table: one row per
 * case 1-18, each replaying the case's operations on a {@link Refcount} and checking the final value, the warning
 * and the lines the case's checker prints. Case 19 (REFCOUNT_TIMING / ATOMIC_TIMING) only measures time and is not
 * a behaviour, so it is left out, as tests.txt comments it out.
 *
 * <p>Every row runs at full width and at narrow widths, with the constants scaled ({@code MAX}, {@code SATURATED}
 * of the width). The operands (add 4, add 8, ...) are the kernel's; at 4 bits they wrap like the counter does, and
 * every case still takes the same path. (At 3 bits case 2's four good decrements would hit 1, so 4 is the
 * narrowest width at which the table is meaningful.)
 */
class LkdtmRefcountTest {

    private static final String SAT_LEAK = RefcountWarning.ADD_OVF.message();
    private static final String ADD_ON_ZERO = RefcountWarning.ADD_UAF.message();
    private static final String UNDERFLOW = RefcountWarning.SUB_UAF.message();
    private static final String DEC_HIT_ZERO = RefcountWarning.DEC_LEAK.message();

    private static final List<String> OVERFLOW_SATURATED = List.of("Overflow detected: saturated");
    private static final List<String> NEGATIVE_SATURATED = List.of("Negative detected: saturated");
    private static final List<String> STILL_SATURATED = List.of("Saturation detected: still saturated");
    private static final List<String> ZERO_SAFE_THEN_SATURATED =
            List.of("Good: zero detected", "Correctly stayed at zero", "Zero detected: saturated");

    /** A case of lkdtm's refcount.c: its start value, its operations and checker, and what mainline must print. */
    enum Case {
        REFCOUNT_INC_OVERFLOW(1, w -> w.max() - 1, SAT_LEAK, OVERFLOW_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                r.dec();
                r.inc();
                r.inc();
                r.inc();
                out.overflowCheck(r);
            }
        },
        REFCOUNT_ADD_OVERFLOW(2, w -> w.max() - 1, SAT_LEAK, OVERFLOW_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                r.dec();
                r.dec();
                r.dec();
                r.dec();
                r.add(4);
                r.add(4);
                out.overflowCheck(r);
            }
        },
        REFCOUNT_INC_NOT_ZERO_OVERFLOW(3, RefcountWidth::max, SAT_LEAK, OVERFLOW_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                if (!r.incNotZero()) {
                    out.print("Weird: refcount_inc_not_zero() reported zero");
                }
                out.overflowCheck(r);
            }
        },
        REFCOUNT_ADD_NOT_ZERO_OVERFLOW(4, RefcountWidth::max, SAT_LEAK, OVERFLOW_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                if (!r.addNotZero(6)) {
                    out.print("Weird: refcount_add_not_zero() reported zero");
                }
                out.overflowCheck(r);
            }
        },
        REFCOUNT_DEC_ZERO(5, w -> 2, DEC_HIT_ZERO, List.of("Zero detected: saturated")) {
            @Override
            void run(Refcount r, Console out) {
                r.dec();
                r.dec();
                out.checkZero(r);
            }
        },
        REFCOUNT_DEC_NEGATIVE(6, w -> 0, DEC_HIT_ZERO, NEGATIVE_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                r.dec();
                out.checkNegative(r, 0);
            }
        },
        REFCOUNT_DEC_AND_TEST_NEGATIVE(7, w -> 0, UNDERFLOW, NEGATIVE_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                if (r.decAndTest()) {
                    out.print("Weird: refcount_dec_and_test() reported zero");
                }
                out.checkNegative(r, 0);
            }
        },
        REFCOUNT_SUB_AND_TEST_NEGATIVE(8, w -> 3, UNDERFLOW, NEGATIVE_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                if (r.subAndTest(5)) {
                    out.print("Weird: refcount_sub_and_test() reported zero");
                }
                out.checkNegative(r, 3);
            }
        },
        REFCOUNT_SUB_AND_TEST_ZERO(9, w -> 0, UNDERFLOW, NEGATIVE_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                if (r.subAndTest(0)) {
                    out.print("Weird: refcount_sub_and_test() reported zero");
                }
                out.checkNegative(r, 0);
            }
        },
        REFCOUNT_INC_ZERO(10, w -> 0, ADD_ON_ZERO, ZERO_SAFE_THEN_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                if (!r.incNotZero()) {
                    out.print("Good: zero detected");
                    out.print(r.read() == 0 ? "Correctly stayed at zero" : "Fail: refcount went past zero!");
                } else {
                    out.print("Fail: Zero not detected!?");
                }
                r.inc();
                out.checkFromZero(r);
            }
        },
        REFCOUNT_ADD_ZERO(11, w -> 0, ADD_ON_ZERO, ZERO_SAFE_THEN_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                if (!r.addNotZero(3)) {
                    out.print("Good: zero detected");
                    out.print(r.read() == 0 ? "Correctly stayed at zero" : "Fail: refcount went past zero");
                } else {
                    out.print("Fail: Zero not detected!?");
                }
                r.add(3);
                out.checkFromZero(r);
            }
        },
        REFCOUNT_INC_SATURATED(12, RefcountWidth::saturated, SAT_LEAK, STILL_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                r.inc();
                out.checkSaturated(r);
            }
        },
        REFCOUNT_DEC_SATURATED(13, RefcountWidth::saturated, DEC_HIT_ZERO, STILL_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                r.dec();
                out.checkSaturated(r);
            }
        },
        REFCOUNT_ADD_SATURATED(14, RefcountWidth::saturated, SAT_LEAK, STILL_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                r.add(8);
                out.checkSaturated(r);
            }
        },
        REFCOUNT_INC_NOT_ZERO_SATURATED(15, RefcountWidth::saturated, SAT_LEAK, STILL_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                if (!r.incNotZero()) {
                    out.print("Weird: refcount_inc_not_zero() reported zero");
                }
                out.checkSaturated(r);
            }
        },
        REFCOUNT_ADD_NOT_ZERO_SATURATED(16, RefcountWidth::saturated, SAT_LEAK, STILL_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                if (!r.addNotZero(7)) {
                    out.print("Weird: refcount_add_not_zero() reported zero");
                }
                out.checkSaturated(r);
            }
        },
        REFCOUNT_DEC_AND_TEST_SATURATED(17, RefcountWidth::saturated, UNDERFLOW, STILL_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                if (r.decAndTest()) {
                    out.print("Weird: refcount_dec_and_test() reported zero");
                }
                out.checkSaturated(r);
            }
        },
        REFCOUNT_SUB_AND_TEST_SATURATED(18, RefcountWidth::saturated, UNDERFLOW, STILL_SATURATED) {
            @Override
            void run(Refcount r, Console out) {
                if (r.subAndTest(8)) {
                    out.print("Weird: refcount_sub_and_test() reported zero");
                }
                out.checkSaturated(r);
            }
        };

        final int number;
        final ToIntFunction<RefcountWidth> start;
        final String warning;
        final List<String> verdict;

        Case(int number, ToIntFunction<RefcountWidth> start, String warning, List<String> verdict) {
            this.number = number;
            this.start = start;
            this.warning = warning;
            this.verdict = verdict;
        }

        /** The case's operations and checker, printing what lkdtm prints (without the "attempting" lines). */
        abstract void run(Refcount r, Console out);
    }

    /** lkdtm's checkers, at a given width. */
    static final class Console {
        final RefcountWidth w;
        final List<String> lines = new ArrayList<>();

        Console(RefcountWidth w) {
            this.w = w;
        }

        void print(String line) {
            lines.add(line);
        }

        void overflowCheck(Refcount r) {
            int v = r.read();
            print(v == w.saturated() ? "Overflow detected: saturated"
                    : v == w.max() ? "Overflow detected: unsafely reset to max"
                    : "Fail: refcount wrapped to " + v);
        }

        void checkZero(Refcount r) {
            int v = r.read();
            print(v == w.saturated() ? "Zero detected: saturated"
                    : v == w.max() ? "Zero detected: unsafely reset to max"
                    : v == 0 ? "Still at zero: refcount_inc/add() must not inc-from-0"
                    : "Fail: refcount went crazy: " + v);
        }

        void checkNegative(Refcount r, int start) {
            int v = r.read();
            print(v == start ? "Still at " + start + ": refcount_inc/add() must not inc-from-0"
                    : v == w.saturated() ? "Negative detected: saturated"
                    : v == w.max() ? "Negative detected: unsafely reset to max"
                    : "Fail: refcount went crazy: " + v);
        }

        void checkFromZero(Refcount r) {
            int v = r.read();
            print(v == 0 ? "Zero detected: stayed at zero"
                    : v == w.saturated() ? "Zero detected: saturated"
                    : v == w.max() ? "Zero detected: unsafely reset to max"
                    : "Fail: zero not detected, incremented to " + v);
        }

        void checkSaturated(Refcount r) {
            int v = r.read();
            print(v == w.saturated() ? "Saturation detected: still saturated"
                    : v == w.max() ? "Saturation detected: unsafely reset to max"
                    : "Fail: refcount went crazy: " + v);
        }
    }

    static Stream<Arguments> rows() {
        return Stream.of(RefcountWidth.FULL, RefcountWidth.bits(8), RefcountWidth.bits(5), RefcountWidth.bits(4))
                .flatMap(w -> Stream.of(Case.values()).map(c -> Arguments.of(c, w)));
    }

    private static List<String> messages(LifetimeTracker heap) {
        return heap.warnings().stream().map(Warning::message).toList();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("rows")
    void mainlineRefcountPassesTheLkdtmCase(Case c, RefcountWidth w) {
        LifetimeTracker heap = new LifetimeTracker();
        Refcount r = new Refcount(heap, c.name(), c.start.applyAsInt(w), w, null);
        Console out = new Console(w);

        c.run(r, out);

        assertEquals(w.saturated(), r.read(), "case " + c.number + ": final value");
        assertEquals(List.of(c.warning), messages(heap), "case " + c.number + ": warnings");
        assertEquals(c.verdict, out.lines, "case " + c.number + ": lkdtm verdict");
    }

    @Test
    void everyCaseOfTheTableIsCovered() {
        assertEquals(18, Case.values().length);
        for (int i = 0; i < 18; i++) {
            assertEquals(i + 1, Case.values()[i].number);
        }
    }

    @Test
    void preTwentyTwentyFourSubAndTestFailsCaseNineTheWayTheOldKernelDid() {
        LifetimeTracker heap = new LifetimeTracker();
        Refcount r = new UnguardedSubAndTestRefcount(heap, "r", 0, RefcountWidth.FULL, null);
        Console out = new Console(RefcountWidth.FULL);

        Case.REFCOUNT_SUB_AND_TEST_ZERO.run(r, out);

        assertEquals(0, r.read());
        assertEquals(List.of(), messages(heap));
        assertEquals(List.of("Weird: refcount_sub_and_test() reported zero",
                "Still at 0: refcount_inc/add() must not inc-from-0"), out.lines);
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("narrowAndFull")
    void unsaturatedCounterFailsTheOverflowAndFromZeroCases(RefcountWidth w) {
        LifetimeTracker heap = new LifetimeTracker();
        Refcount over = new UnsaturatedRefcount(heap, "over", Case.REFCOUNT_INC_OVERFLOW.start.applyAsInt(w), w,
                null);
        Console out = new Console(w);
        Case.REFCOUNT_INC_OVERFLOW.run(over, out);
        assertEquals(List.of("Fail: refcount wrapped to " + w.min()), out.lines);

        Refcount zero = new UnsaturatedRefcount(heap, "zero", 0, w, null);
        Console out2 = new Console(w);
        Case.REFCOUNT_INC_ZERO.run(zero, out2);
        assertEquals("Fail: zero not detected, incremented to 1", out2.lines.get(2));
        assertEquals(List.of(), messages(heap), "atomic_t never warns");
    }

    static Stream<RefcountWidth> narrowAndFull() {
        return Stream.of(RefcountWidth.FULL, RefcountWidth.bits(4));
    }
}
