package org.refcheck.model.memory;

import org.refcheck.model.rt.Event;

/**
 * One store to a cell, as its {@link CellHistory} keeps it: the value, its place in the cell's modification
 * order, who wrote it in which mode, and the clock it publishes to an acquire that reads it.
 *
 * @param value  the value written
 * @param index  position in the cell's modification order, from 0 (the initial value)
 * @param thread the writing thread
 * @param step   the writing event's step in its thread (0 for the initial value: before anything the creator did)
 * @param mode   the access mode of the store ({@link AccessMode#OPAQUE} at least for read-modify-writes)
 * @param sync   the clock an acquire reading this store takes in, or {@code null}
 * @param event  the event that wrote it, or {@code null} for the initial value
 */
public record Store(Object value, int index, int thread, int step, AccessMode mode, VectorClock sync, Event event) {
}
