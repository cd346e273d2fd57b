package org.refcheck.stress.gate;

import java.util.Arrays;
import java.util.Objects;
import org.refcheck.stress.catalogue.Entry;

/**
 * A jcstress test as {@code META-INF/TestList} declares it, and what refcheck holds it to.
 *
 * @param name                the test name jcstress uses (the canonical class name)
 * @param threads             its number of actors
 * @param role                how the gate grades it
 * @param entry               the catalogue entry named by its {@code @Checks}; {@code null} unless role is ENTRY
 * @param problem             why the test cannot be graded; {@code null} unless role is UNUSABLE
 * @param declaresInteresting whether any of its outcomes (the default one included) is
 *                            {@code ACCEPTABLE_INTERESTING}
 */
public record DeclaredTest(String name, int threads, Role role, Entry entry, String problem,
                           boolean declaresInteresting) {

    /** How the gate grades a test. */
    public enum Role {
        /** Tests a catalogue entry: graded against its JCSTRESS expectation. */
        ENTRY,
        /** An infrastructure self-check: must show no FORBIDDEN outcome. */
        SELF_CHECK,
        /** An infrastructure canary: must show an ACCEPTABLE_INTERESTING outcome and no FORBIDDEN one. */
        CANARY,
        /** Cannot be graded (no {@code @Checks} outside the self-check package, or an unknown id). */
        UNUSABLE
    }

    public DeclaredTest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if ((role == Role.ENTRY) != (entry != null)) {
            throw new IllegalArgumentException(name + ": an entry is given exactly for ENTRY tests");
        }
        if ((role == Role.UNUSABLE) != (problem != null)) {
            throw new IllegalArgumentException(name + ": a problem is given exactly for UNUSABLE tests");
        }
    }

    /** A test of a catalogue entry. */
    public static DeclaredTest ofEntry(String name, int threads, Entry entry, boolean declaresInteresting) {
        return new DeclaredTest(name, threads, Role.ENTRY, entry, null, declaresInteresting);
    }

    /** A self-check, or a canary if {@code canary}. */
    public static DeclaredTest selfCheck(String name, int threads, boolean canary, boolean declaresInteresting) {
        return new DeclaredTest(name, threads, canary ? Role.CANARY : Role.SELF_CHECK, null, null,
                declaresInteresting);
    }

    /** A test the gate cannot grade, and why. */
    public static DeclaredTest unusable(String name, int threads, String problem) {
        return new DeclaredTest(name, threads, Role.UNUSABLE, null, problem, false);
    }

    /** The name without its package (the leading lower-case segments), e.g. {@code KrefTests.GetAfterHandoff}. */
    public String shortName() {
        return shortName(name);
    }

    static String shortName(String name) {
        String[] parts = name.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                return String.join(".", Arrays.copyOfRange(parts, i, parts.length));
            }
        }
        return name;
    }
}
