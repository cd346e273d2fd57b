package org.refcheck.model.explore;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.model.rt.Event;

/**
 * A compact, replayable schedule: the thread that ran at each step, run-length encoded, e.g. {@code "0*3.1*2.0"}
 * (thread 0 three steps, thread 1 two steps, thread 0 one step). Pass it to {@code Model.builder().replay(...)} or
 * the system property {@code refcheck.replay} to rerun exactly that execution, for instance under a debugger.
 */
public record Schedule(int[] threads) {

    public static Schedule of(List<Event> events) {
        int[] t = new int[events.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = events.get(i).thread;
        }
        return new Schedule(t);
    }

    /**
     * Parses the encoded form.
     *
     * @throws IllegalArgumentException with a message naming the bad part
     */
    public static Schedule parse(String text) {
        List<Integer> out = new ArrayList<>();
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new Schedule(new int[0]);
        }
        for (String run : trimmed.split("\\.")) {
            String[] parts = run.split("\\*", -1);
            try {
                int thread = Integer.parseInt(parts[0]);
                int count = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
                if (parts.length > 2 || thread < 0 || count < 1) {
                    throw new NumberFormatException();
                }
                for (int i = 0; i < count; i++) {
                    out.add(thread);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad schedule part '" + run + "' in '" + text
                        + "': expected THREAD or THREAD*COUNT, runs separated by '.'");
            }
        }
        return new Schedule(out.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The encoded form. */
    public String encode() {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < threads.length) {
            int j = i;
            while (j < threads.length && threads[j] == threads[i]) {
                j++;
            }
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(threads[i]);
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
        return o instanceof Schedule s && java.util.Arrays.equals(threads, s.threads);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(threads);
    }

    @Override
    public String toString() {
        return encode();
    }
}
