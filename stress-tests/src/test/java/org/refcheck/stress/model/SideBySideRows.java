package org.refcheck.stress.model;

import java.util.List;
import org.refcheck.protocols.arc.ArcScheme;
import org.refcheck.protocols.arc.mutant.UpgradeWithFetchAdd;
import org.refcheck.protocols.kref.GetUnlessZeroKrefTable;
import org.refcheck.protocols.kref.MutexKrefTable;
import org.refcheck.protocols.kref.mutant.GetOutsideLockKrefTable;
import org.refcheck.protocols.kref.mutant.MixedPatternKrefTable;
import org.refcheck.protocols.refcount.Ref;
import org.refcheck.protocols.refcount.mutant.TouchAfterDecrementRef;

/**
 * The protocol races that refcheck is measured against other checkers on: four correct protocols and one mutant of
 * each, on the real protocol classes. {@link CheckerSpeed} runs them through refcheck and Lincheck; the Fray module
 * ({@code -Pfray}) through refcheck and Fray. Each scenario is a fresh run when called again (it makes its own
 * tracker and objects) and fails on the calling thread, outside the model checker, when the tracker saw a violation.
 */
public final class SideBySideRows {

    /** One race; {@code mutant} means a failure is expected and the time to find it is what counts. */
    public record Race(String name, boolean mutant, Runnable scenario) {
    }

    public static final Race REF = new Race("Ref drop || drop", false, Scenarios.refDropDrop(Ref::create, 2));
    public static final Race REF_B11 = new Race("Ref drop || drop, B11 touch after dec", true,
            Scenarios.refDropDrop(TouchAfterDecrementRef::create, 2));
    public static final Race ARC = new Race("Arc upgrade || last drop", false,
            Scenarios.upgradeVsLastDrop(ArcScheme.STD, 2));
    public static final Race ARC_B10 = new Race("Arc upgrade || last drop, B10 fetch_add", true,
            Scenarios.upgradeVsLastDrop(new UpgradeWithFetchAdd(), 2));
    public static final Race KREF_A = new Race("kref table A lookup || put (3 threads)", false,
            Scenarios.lookupVsLastPut(MutexKrefTable::new, 3));
    public static final Race KREF_A_B4 = new Race("kref table A, B4 unlocked put", true,
            Scenarios.lookupVsLastPut(MixedPatternKrefTable::new, 2));
    public static final Race KREF_B = new Race("kref table B lookup || put (3 threads)", false,
            Scenarios.lookupVsLastPut(GetUnlessZeroKrefTable::new, 3));
    public static final Race KREF_B_B5 = new Race("kref table B, B5 get outside lock", true,
            Scenarios.lookupVsLastPut(GetOutsideLockKrefTable::new, 2));

    private SideBySideRows() {
    }

    /** Every race, each correct protocol followed by its mutant. */
    public static List<Race> all() {
        return List.of(REF, REF_B11, ARC, ARC_B10, KREF_A, KREF_A_B4, KREF_B, KREF_B_B5);
    }
}
