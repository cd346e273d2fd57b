package org.refcheck.model.memory;

/**
 * The memory model an exploration runs under: whether every load sees the latest store, or loads may see older
 * stores that happens-before does not hide.
 */
public enum MemoryModel {
    /**
     * Sequential consistency: every access sees the latest store in the order the schedule ran them, whatever its
     * access mode. The default: exploration stays as cheap as interleavings are.
     */
    SC,
    /**
     * Release, acquire and relaxed semantics (see {@link WeakMemory}): opaque and acquire loads may read older stores,
     * happens-before follows release/acquire pairs and fences, and plain accesses not ordered by it are data races.
     */
    WEAK
}
