/**
 * The jcstress gate: reads jcstress 0.16's binary results, grades every test against the catalogue, writes verdict
 * records, and fails the build on silent passes (nothing ran, a mutant not caught, a correct protocol flagged).
 */
package org.refcheck.stress.gate;
