package org.refcheck.lifetime;

import java.util.Objects;

/**
 * A diagnostic a protocol emitted instead of failing, such as the kernel's {@code WARN_ONCE} in
 * {@code refcount_warn_saturate}: recorded as an event, never thrown.
 *
 * @param source  the label of the object that warned, e.g. {@code "Kref#1.refcount"}
 * @param message the warning text, e.g. {@code "refcount_t: addition on 0; use-after-free."}
 * @param thread  the name of the thread that warned
 */
public record Warning(String source, String message, String thread) {

    public Warning {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(thread, "thread");
    }

    @Override
    public String toString() {
        return source + ": " + message + " (in " + thread + ")";
    }
}
