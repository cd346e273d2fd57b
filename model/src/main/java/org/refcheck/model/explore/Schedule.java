package org.refcheck.model.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.refcheck.model.rt.Event;

/**
 * A compact, replayable schedule: the thread that ran at each step, run-length encoded, e.g. {@code "0*3.1*2.0"}
 * (thread 0 three steps, thread 1 two steps, thread 0 one step). Under weak memory a load that read an older store
 * than the latest carries its choice after a slash: {@code "1/2"} is a step of thread 1 whose load read the store
 * two before the latest it could see. Pass it to {@code Model.builder().replay(...)} or the system property
 * {@code refcheck.replay} to rerun exactly that execution, for instance under a debugger.
 *
 * @param threads the thread of each step
 * @param reads   the read choice of each step (0 for the latest store, and for every event that is no weak load)
 */
public record Schedule(int[] threads, int[] reads) {

    public Schedule {
        if (threads.length != reads.length) {
            throw new IllegalArgumentException("one read choice per step: " + threads.length + " steps, "
                    + reads.length + " read choices");
        }
    }

    /** A schedule without weak-memory read choices. */
    public Schedule(int[] threads) {
        this(threads, new int[threads.length]);
    }

    public static Schedule of(List<Event> events) {
        int[] t = new int[events.size()];
        int[] r = new int[events.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = events.get(i).thread;
            r[i] = events.get(i).readChoice;
        }
        return new Schedule(t, r);
    }

    /**
     * Parses the encoded form.
     *
     * @throws IllegalArgumentException with a message naming the bad part
     */
    public static Schedule parse(String text) {
        List<int[]> out = new ArrayList<>();
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new Schedule(new int[0]);
        }
        for (String run : trimmed.split("\\.")) {
            String[] parts = run.split("\\*", -1);
            try {
                String[] step = parts[0].split("/", -1);
                int thread = Integer.parseInt(step[0]);
                int read = step.length > 1 ? Integer.parseInt(step[1]) : 0;
                int count = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
                if (parts.length > 2 || step.length > 2 || thread < 0 || read < 0 || count < 1
                        || (read > 0 && count > 1)) {
                    throw new NumberFormatException();
                }
                for (int i = 0; i < count; i++) {
                    out.add(new int[] {thread, read});
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad schedule part '" + run + "' in '" + text
                        + "': expected THREAD, THREAD*COUNT or THREAD/READ, runs separated by '.'");
            }
        }
        int[] t = new int[out.size()];
        int[] r = new int[out.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = out.get(i)[0];
            r[i] = out.get(i)[1];
        }
        return new Schedule(t, r);
    }

    /** The encoded form. */
    public String encode() {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < threads.length) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(threads[i]);
            if (reads[i] > 0) {
                b.append('/').append(reads[i]);
                i++;
                continue;
            }
            int j = i;
            while (j < threads.length && threads[j] == threads[i] && reads[j] == 0) {
                j++;
            }
            if (j - i > 1) {
                b.append('*').append(j - i);
            }
            i = j;
        }
        return b.toString();
    }

    /** Context switches in this schedule. */
    public int switches() {
        int n = 0;
        for (int i = 1; i < threads.length; i++) {
            if (threads[i] != threads[i - 1]) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && Arrays.equals(threads, s.threads) && Arrays.equals(reads, s.reads);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(threads) + Arrays.hashCode(reads);
    }

    @Override
    public String toString() {
        return encode();
    }
}
