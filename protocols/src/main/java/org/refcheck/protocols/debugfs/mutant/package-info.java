/**
 * Known-bug variants of the debugfs proxy's users (refcheck bug catalogue ids): B19
 * {@link org.refcheck.protocols.debugfs.mutant.RemoveUnderLockDebugfsDriver} (removal under the handler's lock:
 * deadlock).
 */
package org.refcheck.protocols.debugfs.mutant;
