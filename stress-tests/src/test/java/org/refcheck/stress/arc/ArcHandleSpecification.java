package org.refcheck.stress.arc;

import static org.refcheck.stress.arc.ArcHandleOperations.NO_HANDLE;
import static org.refcheck.stress.arc.ArcHandleOperations.OWNERS;
import static org.refcheck.stress.arc.ArcHandleOperations.ownerOf;

import java.util.Arrays;

/**
 * The sequential specification of {@link ArcHandleOperations}: Rust std's documented {@code Arc}/{@code Weak}
 * semantics as counters, with no concurrency at all.
 *
 * <p>{@code strong} is the number of {@code Arc}s, {@code weak} the number of {@code Weak}s; each owner's handles are
 * counted separately so that an operation knows whether its owner holds what it needs. The rules Lincheck holds the
 * real protocol to:
 * <ul>
 *   <li>the drop that takes {@code strong} to zero is the one that destroys the value;</li>
 *   <li>{@code upgrade} succeeds exactly when {@code strong > 0}: a dead value is never revived;</li>
 *   <li>{@code get_mut} succeeds exactly when {@code strong == 1} and no {@code Weak} exists;</li>
 *   <li>{@code strong_count} and {@code weak_count} read the current counts.</li>
 * </ul>
 *
 * <p>Equal states compare equal, so Lincheck's verifier can merge them.
 */
public final class ArcHandleSpecification {

    private int strong = OWNERS;
    private int weak = OWNERS;
    private final int[] arcsOf = filled(1);
    private final int[] weaksOf = filled(1);

    public int cloneArc(int thread) {
        int owner = ownerOf(thread);
        if (arcsOf[owner] == 0) {
            return NO_HANDLE;
        }
        arcsOf[owner]++;
        strong++;
        return 0;
    }

    public int dropArc(int thread) {
        int owner = ownerOf(thread);
        if (arcsOf[owner] == 0) {
            return NO_HANDLE;
        }
        arcsOf[owner]--;
        strong--;
        return strong == 0 ? 1 : 0;
    }

    public int downgrade(int thread) {
        int owner = ownerOf(thread);
        if (arcsOf[owner] == 0) {
            return NO_HANDLE;
        }
        weaksOf[owner]++;
        weak++;
        return 0;
    }

    public int upgrade(int thread) {
        int owner = ownerOf(thread);
        if (weaksOf[owner] == 0) {
            return NO_HANDLE;
        }
        if (strong == 0) {
            return 0;
        }
        arcsOf[owner]++;
        strong++;
        return 1;
    }

    public int dropWeak(int thread) {
        int owner = ownerOf(thread);
        if (weaksOf[owner] == 0) {
            return NO_HANDLE;
        }
        weaksOf[owner]--;
        weak--;
        return 0;
    }

    public int strongCount(int thread) {
        int owner = ownerOf(thread);
        return arcsOf[owner] + weaksOf[owner] == 0 ? NO_HANDLE : strong;
    }

    public int weakCount(int thread) {
        return arcsOf[ownerOf(thread)] == 0 ? NO_HANDLE : weak;
    }

    public int getMut(int thread) {
        if (arcsOf[ownerOf(thread)] == 0) {
            return NO_HANDLE;
        }
        return strong == 1 && weak == 0 ? 1 : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArcHandleSpecification s && strong == s.strong && weak == s.weak
                && Arrays.equals(arcsOf, s.arcsOf) && Arrays.equals(weaksOf, s.weaksOf);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * strong + weak) + Arrays.hashCode(arcsOf)) + Arrays.hashCode(weaksOf);
    }

    private static int[] filled(int value) {
        int[] counts = new int[OWNERS];
        Arrays.fill(counts, value);
        return counts;
    }
}
