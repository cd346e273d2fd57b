/**
 * Laurent Pinchart's character-device disconnect protocol: a call count every file operation enters and exits
 * ({@link org.refcheck.protocols.cdev.CallGate}: {@link org.refcheck.protocols.cdev.LockedCallGate}, the 2017 RFC's
 * lock and completion, and {@link org.refcheck.protocols.cdev.PercpuCallGate}, a lock-free per-CPU count with full
 * barriers), a device whose disconnect flags, waits and unregisters
 * ({@link org.refcheck.protocols.cdev.CharDevice}), and open files holding a kref on the driver state
 * ({@link org.refcheck.protocols.cdev.OpenFile}). Known-bug variants are in the {@code mutant} sub-package.
 */
package org.refcheck.protocols.cdev;
