package org.refcheck.stress.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    @Test
    void idsAreUnique() {
        List<String> ids = Catalogue.entries().stream().map(Entry::id).collect(Collectors.toList());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate ids in " + ids);
    }

    @Test
    void holdsExactlyTheAgreedEntries() {
        Set<String> ids = Catalogue.entries().stream().map(Entry::id).collect(Collectors.toSet());
        assertEquals(Set.of(
                "refcount/correct", "refcount/unsaturated", "refcount/sub-and-test-zero",
                "ref/correct", "ref/touch-after-dec",
                "kref-handoff/correct", "kref-handoff/get-after-handoff",
                "kref-table-mutex/correct", "kref-table-mutex/unlocked-put",
                "kref-table-unless-zero/correct", "kref-table-unless-zero/get-outside-lock",
                "kref-table-put-mutex/correct",
                "arc-weak/correct", "arc-weak/drop-without-acquire-fence", "arc-weak/get-mut-two-loads",
                "arc-weak/get-mut-relaxed-strong", "arc-weak/upgrade-fetch-add", "arc-weak/touch-after-dec",
                "weak-registry/correct", "weak-registry/remove-unconditionally",
                "rcu/correct", "rcu/synchronize-in-reader", "rcu/use-after-unlock",
                "rcu/callback-before-grace-period", "rcu/one-phase-grace-period", "rcu/assign-without-release",
                "rcu-qsbr/correct", "rcu-qsbr/quiescent-state-before-use", "rcu-qsbr/synchronize-while-online",
                "rcu-qsbr/quiescent-state-without-fence", "rcu-qsbr/online-without-fence",
                "srcu/correct",
                "revocable/correct", "revocable/revoke-without-grace-period",
                "async-revocable/correct",
                "gpio-chip/correct", "gpio-chip/null-check",
                "cdev-locked/correct", "cdev-locked/disconnect-without-wait", "cdev-locked/devm-state",
                "cdev-percpu/correct", "cdev-percpu/no-full-barrier",
                "debugfs-proxy/correct", "debugfs-proxy/remove-under-handler-lock",
                "devres/correct", "devres/fifo-release", "devres/add-action-no-reset"), ids);
        assertEquals(18, Catalogue.correct().size());
        assertEquals(29, Catalogue.mutants().size());
    }

    @Test
    void everyNotExpectedCellHasAReason() {
        for (Entry e : Catalogue.entries()) {
            for (Checker c : Checker.values()) {
                Expected x = e.expected(c);
                if (x.expectation() == Expectation.NOT_EXPECTED) {
                    assertFalse(x.reason().isBlank(), e.id() + " / " + c);
                }
            }
        }
    }

    @Test
    void everyMutantHasABugIdAndEveryCorrectProtocolNone() {
        for (Entry e : Catalogue.mutants()) {
            assertTrue(e.bugId().matches("[BX][1-9][0-9]*"), e.id() + " has bug id '" + e.bugId() + "'");
        }
        for (Entry e : Catalogue.correct()) {
            assertEquals("", e.bugId(), e.id());
        }
        assertEquals("B10", Catalogue.get("arc-weak", "upgrade-fetch-add").bugId());
        assertEquals("B4", Catalogue.get("kref-table-mutex", "unlocked-put").bugId());
    }

    @Test
    void weakMemoryBugsAreLeftToTheModelCheckerAndTheOthersMustBeCaught() {
        // the model checker catches these under its weak memory model; jcstress on x86 and Lincheck cannot
        Set<String> weakMemory = Set.of("arc-weak/drop-without-acquire-fence", "arc-weak/get-mut-relaxed-strong",
                "rcu/assign-without-release", "rcu-qsbr/quiescent-state-without-fence",
                "rcu-qsbr/online-without-fence");
        Set<String> beyondLincheck = Set.of("rcu/synchronize-in-reader", "rcu/one-phase-grace-period",
                "rcu-qsbr/quiescent-state-before-use", "rcu-qsbr/synchronize-while-online");
        // cells a checker cannot express, each with its reason in the catalogue: store buffering is visible on x86
        // but not under sequential consistency; a deadlock would hang jcstress; an error path needs fault injection
        Set<String> inexpressible = Set.of("cdev-percpu/no-full-barrier/LINCHECK",
                "debugfs-proxy/remove-under-handler-lock/JCSTRESS", "devres/add-action-no-reset/JCSTRESS",
                "devres/add-action-no-reset/LINCHECK");
        for (Entry e : Catalogue.mutants()) {
            for (Checker c : Checker.values()) {
                boolean notExpected = weakMemory.contains(e.id()) && c != Checker.MODEL
                        || inexpressible.contains(e.id() + "/" + c)
                        || c == Checker.LINCHECK && beyondLincheck.contains(e.id());
                Expectation want = notExpected ? Expectation.NOT_EXPECTED : Expectation.CATCHES;
                assertEquals(want, e.expected(c).expectation(), e.id() + " / " + c);
            }
        }
        for (Entry e : Catalogue.correct()) {
            for (Checker c : Checker.values()) {
                assertEquals(Expectation.PASSES, e.expected(c).expectation(), e.id() + " / " + c);
            }
        }
    }

    @Test
    void everyEntryNamesItsOriginalAndDescribesItself() {
        for (Entry e : Catalogue.entries()) {
            assertFalse(e.original().name().isBlank(), e.id());
            assertFalse(e.original().source().isBlank(), e.id());
            assertTrue(e.description().length() > 40, e.id() + ": description too short");
            assertEquals(Checker.values().length, e.expectations().size(), e.id());
        }
    }

    @Test
    void rowsThatBreakTheRulesAreRejected() {
        Original o = new Original("x", "x.c");
        assertThrows(IllegalArgumentException.class, () -> Expected.notExpected(" "));
        assertThrows(IllegalArgumentException.class,
                () -> new Entry("p", "bug", "B1", "d", o, List.of(Expected.CATCHES)), "one column too few");
        assertThrows(IllegalArgumentException.class,
                () -> new Entry("p", "bug", "", "d", o, List.of(Expected.CATCHES, Expected.CATCHES, Expected.CATCHES)), "no bug id");
        assertThrows(IllegalArgumentException.class,
                () -> new Entry("p", "bug", "42", "d", o, List.of(Expected.CATCHES, Expected.CATCHES, Expected.CATCHES)), "bad id");
        assertThrows(IllegalArgumentException.class,
                () -> new Entry("p", "correct", "", "d", o, List.of(Expected.CATCHES, Expected.PASSES, Expected.PASSES)),
                "a correct protocol expected to be caught");
        assertThrows(IllegalArgumentException.class,
                () -> new Entry("p", "bug", "B1", "d", o, List.of(Expected.PASSES, Expected.CATCHES, Expected.CATCHES)),
                "a mutant expected to pass");
        assertThrows(IllegalArgumentException.class,
                () -> new Entry("P", "correct", "", "d", o, List.of(Expected.PASSES, Expected.PASSES, Expected.PASSES)), "id case");
    }

    @Test
    void lookupsFindEntriesAndExplainMisses() {
        assertEquals("kref-handoff/get-after-handoff", Catalogue.get("kref-handoff/get-after-handoff").id());
        assertTrue(Catalogue.find("arc-weak", "nope").isEmpty());
        IllegalArgumentException unknownVariant =
                assertThrows(IllegalArgumentException.class, () -> Catalogue.get("arc-weak", "nope"));
        assertTrue(unknownVariant.getMessage().contains("upgrade-fetch-add"), unknownVariant.getMessage());
        IllegalArgumentException unknownProtocol =
                assertThrows(IllegalArgumentException.class, () -> Catalogue.get("arcs", "correct"));
        assertTrue(unknownProtocol.getMessage().contains("arc-weak"), unknownProtocol.getMessage());
    }

    @Test
    void forClassReadsChecksAndRejectsUnknownIds() {
        assertEquals("ref/touch-after-dec", Catalogue.forClass(Annotated.class).id());
        assertThrows(IllegalArgumentException.class, () -> Catalogue.forClass(WronglyAnnotated.class));
        assertThrows(IllegalArgumentException.class, () -> Catalogue.forClass(CatalogueTest.class));
    }

    @Test
    void renderShowsEveryEntryAndEveryReason() {
        String table = Catalogue.render();
        for (Entry e : Catalogue.entries()) {
            assertTrue(table.contains(e.id()), e.id());
            for (Checker c : Checker.values()) {
                if (e.expected(c).expectation() == Expectation.NOT_EXPECTED) {
                    assertTrue(table.contains(e.expected(c).reason()), e.id() + " reason");
                }
            }
        }
        assertTrue(table.lines().findFirst().orElseThrow().contains("JCSTRESS"));
    }

    @Checks(protocol = "ref", variant = "touch-after-dec")
    static final class Annotated {
    }

    /** Deliberately wrong: {@link ChecksAnnotationsTest} skips this class. */
    @Checks(protocol = "ref", variant = "no-such-bug")
    static final class WronglyAnnotated {
    }
}
