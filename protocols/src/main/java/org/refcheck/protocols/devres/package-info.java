/**
 * devres (drivers/base/devres.c): {@link org.refcheck.protocols.devres.Devres}, managed actions released last in
 * first out with {@code devm_add_action_or_reset}, and {@link org.refcheck.protocols.devres.DevmDriver}, a driver
 * whose probe acquires its resources through it and whose every acquisition is a fallible step for the model
 * checker's fault injection. Known-bug variants are in the {@code mutant} sub-package.
 */
package org.refcheck.protocols.devres;
