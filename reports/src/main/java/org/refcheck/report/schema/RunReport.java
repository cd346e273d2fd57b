package org.refcheck.report.schema;

import java.util.List;
import java.util.Objects;

/**
 * Everything one run of refcheck's checkers produced: the document behind {@code results.json}.
 *
 * <pre> {@code
 * RunReport run = ResultJson.read(Path.of("reports/target/results/results.json"));
 * run.environment().machine();              // "ci-2cpu"
 * run.checks().size();                      // one per test of each checker
 * }</pre>
 *
 * @param schema        always {@value #SCHEMA_NAME}: tells a refcheck results document from any other JSON
 * @param schemaVersion {@value #SCHEMA_VERSION}; a reader refuses any other version
 * @param environment   where and how the run happened
 * @param checkers      one per checker the catalogue knows, whether it ran, and if not, why
 * @param entries       the catalogue rows (protocols and mutants) with each checker's expectation
 * @param checks        one per test of a checker
 */
public record RunReport(String schema, int schemaVersion, Environment environment, List<CheckerState> checkers,
                        List<CatalogueRow> entries, List<CheckResult> checks) {

    /** The value of {@code schema}. */
    public static final String SCHEMA_NAME = "refcheck-results";

    /** The version this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public RunReport {
        Required.text(schema, "schema");
        Objects.requireNonNull(environment, "environment is missing");
        checkers = Required.list(checkers, "checkers");
        entries = Required.list(entries, "entries");
        checks = Required.list(checks, "checks");
        for (CheckResult c : checks) {
            if (checkers.stream().noneMatch(s -> s.id().equals(c.checker()))) {
                throw new IllegalArgumentException("check " + c.test() + " names checker '" + c.checker()
                        + "', which the document's checkers do not list");
            }
        }
    }

    /** A document of the current schema version. */
    public static RunReport of(Environment environment, List<CheckerState> checkers, List<CatalogueRow> entries,
                               List<CheckResult> checks) {
        return new RunReport(SCHEMA_NAME, SCHEMA_VERSION, environment, checkers, entries, checks);
    }

    /** The state of the checker with the given id. */
    public CheckerState checker(String id) {
        return checkers.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no checker '" + id + "' in this run"));
    }
}
