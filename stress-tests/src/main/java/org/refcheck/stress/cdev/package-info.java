/** jcstress tests of the cdev disconnect protocol: call versus disconnect, for the locked and the per-CPU gate. */
package org.refcheck.stress.cdev;
