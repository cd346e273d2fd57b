package org.refcheck.report.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.refcheck.model.ModelResult;
import org.refcheck.model.rt.Event;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.Counterexample;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.report.schema.Figures;
import org.refcheck.report.schema.TraceEvent;
import org.refcheck.report.schema.Verdict;
import org.refcheck.report.schema.VerdictKind;
import org.refcheck.stress.verdict.Observation;
import org.refcheck.stress.verdict.VerdictRecord;

/**
 * Results of refcheck's own model checker: natively from a {@link ModelResult} (for users who check their own
 * protocol with {@code Model.builder().check(...)}), or from a verdict record and its {@code .trace.json} as the
 * catalogue run leaves them.
 *
 * <pre> {@code
 * ModelResult r = Model.builder().check(scenario);
 * CheckResult c = ModelChecks.of("my-protocol", "correct", "MyTest#dropDrop", expected, r);
 * }</pre>
 */
public final class ModelChecks {

    /** The checker id of refcheck's model checker. */
    public static final String CHECKER = "model";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The statistics of a {@code .figures} file beyond executions and traces. */
    private static final List<String> MORE = List.of("sleepBlocked", "prunedBranches", "mergedStates",
            "longestExecution");

    private ModelChecks() {
    }

    /** A check straight from a model-checking run. */
    public static CheckResult of(String protocol, String variant, String test, ExpectedVerdict expected,
                                 ModelResult r) {
        Figures figures = Figures.model(r.executions(), r.traces(), r.wallTime().toMillis(), Map.of(
                "sleepBlocked", r.sleepBlocked(), "prunedBranches", r.prunedBranches(),
                "mergedStates", r.mergedStates(), "longestExecution", (long) r.longestExecution()));
        if (!r.failed()) {
            return new CheckResult(protocol, variant, CHECKER, test, passVerdict(r.exhaustive(), r.summary()),
                    expected, figures, List.of(), null);
        }
        org.refcheck.model.Counterexample cx = r.counterexample();
        List<TraceEvent> events = new ArrayList<>();
        for (Event e : cx.events()) {
            events.add(new TraceEvent(e.index, e.thread, 0, e.kind.name(), e.describe(), text(e.read), text(e.written),
                    e.location() == null ? "" : e.location()));
        }
        String failure = cx.failure().toString();
        String schedule = cx.schedule().encode();
        Counterexample counterexample = new Counterexample(failure, cx.threadNames(), events, schedule,
                replayCommand(test, schedule), cx.render());
        return new CheckResult(protocol, variant, CHECKER, test, violation(failure), expected, figures, List.of(),
                counterexample);
    }

    /**
     * A check from a verdict record, the run's statistics written beside it ({@code .figures}: traces, exhaustive),
     * and for a failure the {@code .trace.json}. Without statistics (records of older builds), the pass's detail
     * ("exhaustive: 12 traces") says as much.
     */
    static CheckResult of(VerdictRecord record, ExpectedVerdict expected, Path figuresFile, Path traceJson)
            throws IOException {
        Properties stats = new Properties();
        if (Files.exists(figuresFile)) {
            try (var in = Files.newBufferedReader(figuresFile)) {
                stats.load(in);
            }
        }
        long traces = Long.parseLong(stats.getProperty("traces", Long.toString(tracesOf(record.detail()))));
        boolean exhaustive = Boolean.parseBoolean(stats.getProperty("exhaustive",
                Boolean.toString(record.detail().startsWith("exhaustive"))));
        Map<String, Long> more = new TreeMap<>();
        for (String key : MORE) {
            if (stats.containsKey(key)) {
                more.put(key, Long.parseLong(stats.getProperty(key)));
            }
        }
        Figures figures = Figures.model(record.count(), traces, record.timeMillis(), more);
        if (record.observed() != Observation.CAUGHT) {
            Verdict verdict = record.observed() == Observation.PASSED ? passVerdict(exhaustive, record.detail())
                    : Records.nonVerdict(record);
            return new CheckResult(record.protocol(), record.variant(), CHECKER, record.test(), verdict, expected,
                    figures, List.of(), null);
        }
        Counterexample counterexample = Files.exists(traceJson) ? counterexample(record.test(), traceJson) : null;
        String failure = counterexample != null ? counterexample.failure() : record.detail();
        return new CheckResult(record.protocol(), record.variant(), CHECKER, record.test(), violation(failure),
                expected, figures, List.of(), counterexample);
    }

    private static Counterexample counterexample(String test, Path traceJson) throws IOException {
        return counterexample(test, JSON.readTree(traceJson.toFile()));
    }

    /** A counterexample from the model checker's trace JSON ({@code Counterexample.toJson()}). */
    public static Counterexample counterexample(String test, String traceJson) throws IOException {
        return counterexample(test, JSON.readTree(traceJson));
    }

    private static Counterexample counterexample(String test, JsonNode root) {
        List<String> threads = new ArrayList<>();
        root.path("threads").forEach(t -> threads.add(t.asText()));
        List<TraceEvent> events = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            String object = e.path("object").asText("");
            String method = e.path("method").asText("");
            String read = e.path("read").isNull() ? "" : e.path("read").asText("");
            String written = e.path("written").isNull() ? "" : e.path("written").asText("");
            events.add(new TraceEvent(e.path("index").asInt(), e.path("thread").asInt(), 0,
                    e.path("kind").asText("STEP"), describe(object, method, read, written), read, written,
                    e.path("location").isNull() ? "" : e.path("location").asText("")));
        }
        String schedule = root.path("schedule").asText("");
        return new Counterexample(root.path("failure").asText(""), threads, events, schedule,
                replayCommand(test, schedule), "");
    }

    /** The same one-line form as the model checker's own {@code Event.describe()}. */
    private static String describe(String object, String method, String read, String written) {
        String call = object + "." + method;
        if (!read.isEmpty() && !written.isEmpty()) {
            return call + ": " + read + " -> " + written;
        }
        if (!written.isEmpty()) {
            return call + " = " + written;
        }
        return read.isEmpty() ? call : call + " -> " + read;
    }

    /**
     * The command that replays a counterexample: {@code refcheck replay} with the check (class, method and, for a
     * parameterised catalogue test, the scenario's shape, so that only that scenario is replayed) and the schedule.
     */
    public static String replayCommand(String test, String schedule) {
        return "./refcheck replay --test '" + test.replace("'", "'\\''") + "' " + schedule;
    }

    private static Verdict passVerdict(boolean exhaustive, String detail) {
        return exhaustive ? new Verdict(VerdictKind.PASSED_EXHAUSTIVE, "", detail)
                : new Verdict(VerdictKind.INCONCLUSIVE, "", "the search was not exhaustive: " + detail);
    }

    private static Verdict violation(String failure) {
        int colon = failure.indexOf(':');
        String kind = colon > 0 ? failure.substring(0, colon) : "failure";
        return new Verdict(VerdictKind.VIOLATION, Oracles.named(failure, kind), failure);
    }

    /** The trace count in a pass's detail ("exhaustive: 12 traces"), or -1. */
    private static long tracesOf(String detail) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) traces").matcher(detail);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
