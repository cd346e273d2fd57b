package org.refcheck.stress.kref;

/**
 * The sequential specification of a kref lookup table with one entry, which {@link KrefTableOps} is held against:
 * a lookup takes a reference exactly while the entry's count is positive, and the put that drops the count to zero
 * releases it, after which no lookup finds it.
 *
 * <pre> {@code
 * KrefTableSpec s = new KrefTableSpec();   // count 1, held by thread 1 (the creator)
 * s.lookup(2);                             // true: count 2
 * s.put(1);                                // DROPPED: count 1
 * s.put(2);                                // RELEASED: count 0, unlinked and freed
 * s.lookup(2);                             // false
 * }</pre>
 *
 * <p>Memory consistency effects: none; Lincheck runs a specification on one thread.
 */
public class KrefTableSpec {

    /*
     * Implementation notes. State: count (0 = released; never positive again) and the number of references each
     * holder has, with the holders of KrefTableOps (0 for the init and post parts, 1..THREADS). Invariant: count is
     * the sum of held[], because only holders take and drop references.
     */

    private int count = 1;
    private final int[] held = new int[KrefTableOps.THREADS + 1];

    public KrefTableSpec() {
        held[KrefTableOps.CREATOR] = 1;
    }

    /** Lookup and get: true, with one more reference for the caller, while the entry is live. */
    public boolean lookup(int threadId) {
        if (count == 0) {
            return false;
        }
        count++;
        held[holder(threadId)]++;
        return true;
    }

    /** Put one of the caller's references; the last one releases the entry. */
    public int put(int threadId) {
        int h = holder(threadId);
        if (held[h] == 0) {
            return KrefTableOps.NOTHING_HELD;
        }
        held[h]--;
        count--;
        return count == 0 ? KrefTableOps.RELEASED : KrefTableOps.DROPPED;
    }

    private static int holder(int threadId) {
        return threadId > KrefTableOps.THREADS ? 0 : threadId;
    }
}
