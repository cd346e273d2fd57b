package org.refcheck.protocols.arc;

import java.util.Objects;

/**
 * A ready-made value for a {@link WeakRegistry}: it knows its key, and its destructor evicts its own entry, the
 * "release removes the entry from the lookup structure" rule of Documentation/core-api/kref.rst.
 *
 * <pre> {@code
 * WeakRegistry<String, RegistryValue<String>> registry = new WeakRegistry<>("cache");
 * Arc<RegistryValue<String>> a = Arc.create(heap, new RegistryValue<>(registry, "k", "A"));
 * registry.register("k", a);
 * a.drop();                       // destroys the value, which evicts "k"
 * }</pre>
 *
 * <p>Memory consistency effects: those of {@link WeakRegistry#evict}.
 *
 * @param <K> the key type
 */
public final class RegistryValue<K> implements Drop {

    private final WeakRegistry<K, RegistryValue<K>> registry;
    private final K key;
    private final String name;

    /** A value registered (by the caller) under {@code key} in {@code registry}, named for assertions and traces. */
    public RegistryValue(WeakRegistry<K, RegistryValue<K>> registry, K key, String name) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.key = Objects.requireNonNull(key, "key");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The key this value is registered under. */
    public K key() {
        return key;
    }

    /** The name given at construction. */
    public String name() {
        return name;
    }

    /** The destructor: evicts this value's entry if the registry still holds it. */
    @Override
    public void drop() {
        registry.evict(key, this);
    }

    @Override
    public String toString() {
        return name + "@" + key;
    }
}
