/** jcstress tests of devres: a user's call against the unbind's release of the driver's resources. */
package org.refcheck.stress.devres;
