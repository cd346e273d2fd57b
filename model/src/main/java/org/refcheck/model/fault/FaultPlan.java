package org.refcheck.model.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The set of {@link FaultSite}s one exploration fails; every other fallible step succeeds. The empty plan is the
 * test without injected failures.
 *
 * <p>Immutable. {@link #encode()} gives the {@code -Drefcheck.faults=} value that restricts a
 * {@link FaultExplorer} run to this plan, for replaying a counterexample.
 */
public final class FaultPlan {

    /** No step fails. */
    public static final FaultPlan NONE = new FaultPlan(new TreeSet<>());

    private final SortedSet<FaultSite> failing;

    private FaultPlan(SortedSet<FaultSite> failing) {
        this.failing = failing;
    }

    /** The plan that fails exactly {@code sites}. */
    public static FaultPlan of(FaultSite... sites) {
        TreeSet<FaultSite> set = new TreeSet<>();
        for (FaultSite s : sites) {
            set.add(Objects.requireNonNull(s, "site"));
        }
        return new FaultPlan(set);
    }

    /** Parses {@link #encode()}: sites separated by commas; the empty string is {@link #NONE}. */
    public static FaultPlan parse(String encoded) {
        TreeSet<FaultSite> set = new TreeSet<>();
        for (String part : encoded.split(",")) {
            if (!part.isBlank()) {
                set.add(FaultSite.parse(part));
            }
        }
        return new FaultPlan(set);
    }

    /** This plan with {@code site} failing as well. */
    public FaultPlan with(FaultSite site) {
        TreeSet<FaultSite> set = new TreeSet<>(failing);
        set.add(site);
        return new FaultPlan(set);
    }

    /** Whether the plan fails {@code site}. */
    public boolean fails(FaultSite site) {
        return failing.contains(site);
    }

    /** The number of failing sites. */
    public int size() {
        return failing.size();
    }

    /** The failing sites, in order. */
    public List<FaultSite> sites() {
        return List.copyOf(new ArrayList<>(failing));
    }

    /** The sites joined by {@code ", "}: the value of {@code -Drefcheck.faults}. */
    public String encode() {
        StringBuilder b = new StringBuilder();
        for (FaultSite s : failing) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(s);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultPlan other && failing.equals(other.failing);
    }

    @Override
    public int hashCode() {
        return failing.hashCode();
    }

    @Override
    public String toString() {
        return failing.isEmpty() ? "no injected failure" : "injected failure of " + encode();
    }
}
