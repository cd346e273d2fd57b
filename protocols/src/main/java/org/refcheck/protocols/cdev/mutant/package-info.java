/**
 * Known-bug variants of the cdev disconnect protocol, one bug each (refcheck bug catalogue ids): B16
 * {@link org.refcheck.protocols.cdev.mutant.NoWaitCallGate} (disconnect without waiting: use after free under
 * sequential consistency), B17 {@link org.refcheck.protocols.cdev.mutant.UnfencedPercpuCallGate} (no full barrier:
 * store buffering, weak memory only), B24 {@link org.refcheck.protocols.cdev.mutant.DevmStateCharDevice} (driver
 * state freed with the binding while files are open: use after free).
 */
package org.refcheck.protocols.cdev.mutant;
