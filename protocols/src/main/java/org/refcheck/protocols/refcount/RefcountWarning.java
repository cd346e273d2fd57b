package org.refcheck.protocols.refcount;

/**
 * The saturation events of {@code refcount_warn_saturate} (lib/refcount.c, {@code enum refcount_saturation_type}),
 * with the exact text of the {@code WARN_ONCE} each one prints.
 *
 * <p>A {@link Refcount} records them through {@link org.refcheck.lifetime.LifetimeTracker#warn(String, String)}
 * instead of failing, as the kernel keeps running after the warning.
 */
public enum RefcountWarning {

    /** {@code refcount_add_not_zero} succeeded on a negative counter or pushed it past the maximum. */
    ADD_NOT_ZERO_OVF("refcount_t: saturated; leaking memory."),

    /** {@code refcount_add} / {@code refcount_inc} found a negative counter or pushed it past the maximum. */
    ADD_OVF("refcount_t: saturated; leaking memory."),

    /** {@code refcount_add} / {@code refcount_inc} found the counter at zero: the object may already be freed. */
    ADD_UAF("refcount_t: addition on 0; use-after-free."),

    /** {@code refcount_sub_and_test} / {@code refcount_dec_and_test} went below zero. */
    SUB_UAF("refcount_t: underflow; use-after-free."),

    /** {@code refcount_dec} reached zero (nobody frees the object) or went below it. */
    DEC_LEAK("refcount_t: decrement hit 0; leaking memory.");

    private final String message;

    RefcountWarning(String message) {
        this.message = message;
    }

    /** The warning text, as the kernel prints it (without the trailing newline). */
    public String message() {
        return message;
    }
}
