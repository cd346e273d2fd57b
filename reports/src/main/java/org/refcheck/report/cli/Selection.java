package org.refcheck.report.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which units a run keeps: the protocols, variants and checkers named on the command line (each empty for all).
 * Names are checked against what exists before anything runs; a name that matches nothing is a usage error with
 * the nearest known name as a hint. Infrastructure self-checks ({@code selfcheck}) run with their checker unless
 * protocols are named.
 */
final class Selection {

    /** The checker names {@code --checker} accepts. */
    static final List<String> CHECKERS = List.of("jcstress", "lincheck", "model");

    private final Set<String> protocols;
    private final Set<String> variants;
    private final Set<String> checkers;

    Selection(List<String> protocols, List<String> variants, List<String> checkers) {
        this.protocols = split(protocols);
        this.variants = split(variants);
        this.checkers = split(checkers);
        for (String c : this.checkers) {
            if (!CHECKERS.contains(c)) {
                throw new UsageException("unknown checker '" + c + "'" + Nearest.hint(c, CHECKERS)
                        + "; checkers: " + String.join(", ", CHECKERS));
            }
        }
    }

    /** Whether the run covers everything (no filter at all). */
    boolean isEverything() {
        return protocols.isEmpty() && variants.isEmpty() && checkers.isEmpty();
    }

    /** Whether the checker runs at all. */
    boolean includesChecker(String checker) {
        return checkers.isEmpty() || checkers.contains(checker);
    }

    /**
     * The units the filters keep, after checking every protocol and variant name against {@code known}: the
     * protocol/variant pairs that exist (the catalogue's, or a user suite's).
     */
    List<WorkUnit> apply(List<WorkUnit> units, Set<String> known) {
        validate(known);
        List<WorkUnit> kept = new ArrayList<>();
        for (WorkUnit u : units) {
            boolean self = u.protocol().equals("selfcheck");
            boolean protocolOk = protocols.isEmpty() ? variants.isEmpty() || !self : protocols.contains(u.protocol());
            boolean variantOk = variants.isEmpty() || variants.contains(u.variant());
            if (protocolOk && variantOk) {
                kept.add(u);
            }
        }
        return kept;
    }

    /** Checks every protocol and variant name against {@code known} ({@code protocol/variant} ids). */
    void validate(Set<String> known) {
        Set<String> knownProtocols = new TreeSet<>();
        Set<String> knownVariants = new TreeSet<>();
        for (String id : known) {
            knownProtocols.add(id.substring(0, id.indexOf('/')));
            knownVariants.add(id.substring(id.indexOf('/') + 1));
        }
        for (String p : protocols) {
            if (!knownProtocols.contains(p)) {
                throw new UsageException("unknown protocol '" + p + "'" + Nearest.hint(p, knownProtocols)
                        + "; protocols: " + String.join(", ", knownProtocols));
            }
        }
        for (String v : variants) {
            boolean inSelected = known.stream().anyMatch(id -> id.endsWith("/" + v)
                    && (protocols.isEmpty() || protocols.contains(id.substring(0, id.indexOf('/')))));
            if (!inSelected) {
                Set<String> candidates = new TreeSet<>();
                known.stream().filter(id -> protocols.isEmpty() || protocols.contains(id.substring(0, id.indexOf('/'))))
                        .forEach(id -> candidates.add(id.substring(id.indexOf('/') + 1)));
                throw new UsageException("unknown variant '" + v + "'" + (protocols.isEmpty() ? ""
                        : " of " + String.join(", ", protocols)) + Nearest.hint(v, candidates)
                        + "; variants: " + String.join(", ", candidates));
            }
        }
    }

    /** The filters as the results' bounds record them, e.g. {@code protocol=kref,ref}; empty when none. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!protocols.isEmpty()) {
            parts.add("protocol=" + String.join(",", protocols));
        }
        if (!variants.isEmpty()) {
            parts.add("variant=" + String.join(",", variants));
        }
        if (!checkers.isEmpty()) {
            parts.add("checker=" + String.join(",", checkers));
        }
        return String.join(" ", parts);
    }

    private static Set<String> split(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }
}
