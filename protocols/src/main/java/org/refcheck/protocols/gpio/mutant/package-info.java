/**
 * Known-bug variants of the GPIO device (refcheck bug catalogue ids): B16
 * {@link org.refcheck.protocols.gpio.mutant.NullCheckGpioDevice}.
 */
package org.refcheck.protocols.gpio.mutant;
