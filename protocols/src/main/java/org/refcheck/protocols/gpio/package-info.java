/**
 * gpiolib's removed-chip protocol: a long-lived {@link org.refcheck.protocols.gpio.GpioDevice} with an
 * SRCU-protected pointer to the driver's {@link org.refcheck.protocols.gpio.GpioChip}. Known-bug variants are in
 * the {@code mutant} sub-package.
 */
package org.refcheck.protocols.gpio;
