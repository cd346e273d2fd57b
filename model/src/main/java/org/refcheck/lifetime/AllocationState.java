package org.refcheck.lifetime;

/**
 * The states of an {@link Allocation}. The legal transitions are
 * <pre>
 *   LIVE -&gt; DESTROYED -&gt; FREED      destroy the value, later release the memory (std Arc with Weaks)
 *   LIVE -&gt; FREED                   release memory and value together (kernel Ref, kfree)
 * </pre>
 * Every other event is a violation: access in DESTROYED or FREED, destroy in DESTROYED or FREED, free in FREED,
 * and an allocation that is not FREED when the test ends is a leak.
 */
public enum AllocationState {
    LIVE,
    DESTROYED,
    FREED
}
