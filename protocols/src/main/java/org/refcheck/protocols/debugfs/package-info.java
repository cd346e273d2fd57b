/**
 * debugfs's full proxy (fs/debugfs/file.c): {@link org.refcheck.protocols.debugfs.DebugfsFile}, an active-users
 * count starting at 1 with a completion, and {@link org.refcheck.protocols.debugfs.DebugfsDriver}, a driver whose
 * handler takes its lock and whose teardown removes the file before taking it. Known-bug variants are in the
 * {@code mutant} sub-package.
 */
package org.refcheck.protocols.debugfs;
