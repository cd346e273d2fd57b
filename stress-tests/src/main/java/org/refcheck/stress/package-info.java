/** The catalogue of protocols and mutants, and the jcstress tests that check them on real hardware. */
package org.refcheck.stress;
