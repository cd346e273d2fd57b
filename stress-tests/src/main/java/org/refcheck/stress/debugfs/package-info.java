/** jcstress tests of debugfs's full proxy: a proxied read against the file's removal. */
package org.refcheck.stress.debugfs;
