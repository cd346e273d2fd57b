package org.refcheck.report.schema;

import java.util.Map;

/**
 * One protocol or mutant of the catalogue, as the run was held against it.
 *
 * @param protocol    the protocol id, e.g. {@code "kref-table-mutex"}
 * @param variant     {@code "correct"} or the mutant's bug name, e.g. {@code "unlocked-put"}
 * @param bugId       the bug id ({@code B4}), empty for a correct protocol
 * @param description one sentence: the protocol, or the bug and its symptom
 * @param original    the kernel or Rust code it follows, e.g. {@code "refcount_t"}
 * @param source      the original's source files, e.g. {@code "include/linux/refcount.h, lib/refcount.c"}
 * @param expected    per checker id, what the catalogue demands
 */
public record CatalogueRow(String protocol, String variant, String bugId, String description, String original,
                           String source, Map<String, ExpectedVerdict> expected) {

    /** The variant of a correct protocol. */
    public static final String CORRECT = "correct";

    public CatalogueRow {
        Required.text(protocol, "entries[].protocol");
        Required.text(variant, "entries[].variant");
        bugId = Required.optional(bugId);
        description = Required.optional(description);
        original = Required.optional(original);
        source = Required.optional(source);
        expected = Required.map(expected);
    }

    /** Whether this is a mutant rather than a correct protocol. */
    public boolean isMutant() {
        return !CORRECT.equals(variant);
    }

    /** {@code protocol/variant}. */
    public String id() {
        return protocol + "/" + variant;
    }

    /** What the catalogue demands of the checker with the given id; NOT_EXPECTED with a reason if it says nothing. */
    public ExpectedVerdict expectedOf(String checker) {
        ExpectedVerdict e = expected.get(checker);
        return e != null ? e : new ExpectedVerdict(ExpectedVerdict.NOT_EXPECTED, "the catalogue has no cell for "
                + checker, false);
    }
}
