/**
 * The result schema of a refcheck run, version {@value org.refcheck.report.schema.RunReport#SCHEMA_VERSION}: one
 * JSON document ({@code results.json}) holding the environment, the catalogue rows the run was held against, each
 * checker's state, and one {@link org.refcheck.report.schema.CheckResult} per test of each checker. The collectors
 * write it, the site reads nothing else; {@link org.refcheck.report.schema.ResultJson} reads and writes it.
 */
package org.refcheck.report.schema;
