package org.refcheck.model.rt;

/**
 * A 128-bit fingerprint of the state of an execution at a scheduling point, for merging equal states reached by
 * different schedules (the optional state cache). Two independent 64-bit mixes make an accidental collision among
 * even billions of states improbable beyond concern; a state holding a value that has no stable identity across
 * executions has no fingerprint at all and is never merged.
 *
 * @param high one mix of the state
 * @param low  another, independent mix
 */
public record StateFingerprint(long high, long low) {

    /** Accumulates a fingerprint; {@link #mixValue} refuses values without a stable identity. */
    static final class Builder {

        private long h = 0x9E3779B97F4A7C15L;
        private long l = 0xC2B2AE3D27D4EB4FL;
        private boolean keyable = true;

        Builder mix(long v) {
            h = scramble(h ^ v) * 0xBF58476D1CE4E5B9L;
            l = scramble(l + v * 0x94D049BB133111EBL) ^ (l >>> 29);
            return this;
        }

        /**
         * Mixes a value read, written or held: numbers, booleans, characters, strings, enum constants and facade
         * objects have an identity that is the same in every execution; anything else makes the state unkeyable.
         */
        Builder mixValue(Object value) {
            if (value == null) {
                return mix(0x5bd1e995L);
            }
            if (value instanceof ModelObject o) {
                return mix(1).mix(o.id);
            }
            if (value instanceof Number || value instanceof Boolean || value instanceof Character
                    || value instanceof String || value instanceof Enum<?>) {
                return mix(2).mix(value.getClass().getName().hashCode()).mix(value.hashCode());
            }
            keyable = false;
            return this;
        }

        /** Mixes everything {@code other} accumulated so far. */
        Builder mixAll(Builder other) {
            keyable &= other.keyable;
            return mix(other.h).mix(other.l);
        }

        /** The fingerprint, or {@code null} if some value had no stable identity. */
        StateFingerprint build() {
            return keyable ? new StateFingerprint(scramble(h), scramble(l)) : null;
        }

        private static long scramble(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
