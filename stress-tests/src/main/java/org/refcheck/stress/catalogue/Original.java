package org.refcheck.stress.catalogue;

import java.util.Objects;

/**
 * The kernel or Rust code a protocol reimplements.
 *
 * @param name   what the original is called, e.g. {@code "refcount_t"}
 * @param source the source files it lives in, e.g. {@code "include/linux/refcount.h, lib/refcount.c"}
 */
public record Original(String name, String source) {

    public Original {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return name + " (" + source + ")";
    }
}
