package org.refcheck.model.memory;

/**
 * The {@link java.lang.invoke.VarHandle} access mode of a facade method, read off its name: {@code getPlain} and
 * {@code weakCompareAndSetPlain} are plain, {@code setOpaque} opaque, {@code getAcquire} and
 * {@code compareAndExchangeAcquire} acquire, {@code getAndAddRelease} release, every other method ({@code get},
 * {@code compareAndSet}, {@code getAndAdd}, ...) volatile.
 */
public enum AccessMode {
    /** No ordering and no atomicity guarantee across threads: conflicting plain accesses must be ordered. */
    PLAIN,
    /** Atomic and coherent per variable, no ordering of other variables ({@code READ_ONCE}, Relaxed). */
    OPAQUE,
    /** A load that later accesses of its thread cannot move before. */
    ACQUIRE,
    /** A store that earlier accesses of its thread cannot move after. */
    RELEASE,
    /** Sequentially consistent: acquire and release, and every volatile load sees the latest store. */
    VOLATILE;

    /** The mode of {@code method}, a facade method name. */
    public static AccessMode of(String method) {
        if (method.endsWith("Plain")) {
            return PLAIN;
        }
        if (method.endsWith("Opaque")) {
            return OPAQUE;
        }
        if (method.endsWith("Acquire")) {
            return ACQUIRE;
        }
        if (method.endsWith("Release")) {
            return RELEASE;
        }
        return VOLATILE;
    }

    /** Whether a load in this mode synchronizes with the release store it reads from. */
    public boolean acquires() {
        return this == ACQUIRE || this == VOLATILE;
    }

    /** Whether a store in this mode publishes everything its thread did before it. */
    public boolean releases() {
        return this == RELEASE || this == VOLATILE;
    }
}
