/** Java reimplementations of the kernel and Rust-for-Linux lifetime protocols, written against the facade. */
package org.refcheck.protocols;
