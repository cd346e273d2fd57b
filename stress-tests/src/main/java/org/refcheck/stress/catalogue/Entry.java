package org.refcheck.stress.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the {@link Catalogue}: a protocol, or one of its mutants, and what each {@link Checker} must conclude.
 *
 * @param protocol     the protocol id, e.g. {@code "kref-table-mutex"}
 * @param variant      {@value #CORRECT} or the mutant's bug name, e.g. {@code "unlocked-put"}
 * @param bugId        the bug id from the protocol reference's bug table ({@code B1} ... {@code B26}), a refcheck
 *                     id {@code X1} ... for a bug that table does not list, or empty for a correct protocol
 * @param description  one sentence: for a mutant, the bug and its symptom; for a correct protocol, what it does
 * @param original     the kernel or Rust code the protocol follows
 * @param expectations one cell per {@link Checker}, in {@code Checker.values()} order
 */
public record Entry(String protocol, String variant, String bugId, String description, Original original,
                    List<Expected> expectations) {

    /** The variant id of a correct protocol. */
    public static final String CORRECT = "correct";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern BUG_ID = Pattern.compile("[BX][1-9][0-9]*");

    public Entry {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(bugId, "bugId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(original, "original");
        expectations = List.copyOf(expectations);
        if (!ID.matcher(protocol).matches() || !ID.matcher(variant).matches()) {
            throw new IllegalArgumentException("ids are lower-case words joined by '-': " + protocol + "/" + variant);
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException(protocol + "/" + variant + ": empty description");
        }
        boolean correct = CORRECT.equals(variant);
        if (correct != bugId.isEmpty()) {
            throw new IllegalArgumentException(protocol + "/" + variant
                    + (correct ? ": a correct protocol has no bug id" : ": a mutant needs a bug id"));
        }
        if (!correct && !BUG_ID.matcher(bugId).matches()) {
            throw new IllegalArgumentException(protocol + "/" + variant + ": bug id " + bugId + " is not Bn or Xn");
        }
        if (expectations.size() != Checker.values().length) {
            throw new IllegalArgumentException(protocol + "/" + variant + ": " + expectations.size()
                    + " expectation columns for " + Checker.values().length + " checkers");
        }
        for (Expected e : expectations) {
            if (correct && e.expectation() != Expectation.PASSES) {
                throw new IllegalArgumentException(protocol + "/" + variant + ": a correct protocol must pass, not "
                        + e.expectation());
            }
            if (!correct && e.expectation() == Expectation.PASSES) {
                throw new IllegalArgumentException(protocol + "/" + variant
                        + ": a mutant is either caught or not expected to be, never expected to pass");
            }
        }
    }

    /** {@code protocol/variant}, the id used in messages and records. */
    public String id() {
        return protocol + "/" + variant;
    }

    /** Whether this is a mutant (a protocol with one known bug) rather than a correct protocol. */
    public boolean isMutant() {
        return !CORRECT.equals(variant);
    }

    /** What the given checker must conclude about this entry. */
    public Expected expected(Checker checker) {
        return expectations.get(checker.ordinal());
    }

    @Override
    public String toString() {
        return id() + (isMutant() ? " (" + bugId + ")" : "");
    }
}
