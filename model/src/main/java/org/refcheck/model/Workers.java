package org.refcheck.model;

/** Reads and checks the parallel-exploration options: worker threads and the shard of a many-machine run. */
final class Workers {

    private Workers() {
    }

    /** {@code -Drefcheck.workers}: a count, 0 for one per CPU; 1 when unset. */
    static int fromProperty() {
        String v = System.getProperty("refcheck.workers", "1").trim();
        try {
            return resolve(Integer.parseInt(v));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-Drefcheck.workers=" + v + ": expected a number of threads (0: one "
                    + "per CPU)");
        }
    }

    /** {@code n}, or the number of CPUs for 0. */
    static int resolve(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("workers must be 0 (one per CPU) or more: " + n);
        }
        return n == 0 ? Runtime.getRuntime().availableProcessors() : n;
    }

    /** {@code -Drefcheck.shard=K/N} as {@code {K, N}}; {@code {0, 1}} when unset. */
    static int[] shardFromProperty() {
        String v = System.getProperty("refcheck.shard");
        if (v == null || v.isBlank()) {
            return new int[] {0, 1};
        }
        String[] parts = v.trim().split("/");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return checkShard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-Drefcheck.shard=" + v + ": expected K/N with 0 <= K < N");
        }
    }

    static int[] checkShard(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": expected 0 <= index < count");
        }
        return new int[] {index, count};
    }
}
