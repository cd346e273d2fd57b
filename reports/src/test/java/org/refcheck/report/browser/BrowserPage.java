package org.refcheck.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One page opened in {@link HeadlessChromium} through {@link DevTools}, with the network, console and log domains
 * recording from before the navigation: what it requested, what it reported as an error, and what a script evaluated
 * in it sees.
 */
final class BrowserPage {

    private final DevTools devTools;
    private final String session;

    private BrowserPage(DevTools devTools, String session) {
        this.devTools = devTools;
        this.session = session;
    }

    /** Opens {@code url} in a new tab and waits for its load event. */
    static BrowserPage open(DevTools devTools, String url) throws Exception {
        String target = devTools.send(null, "Target.createTarget", Map.of("url", "about:blank"))
                .path("targetId").asText();
        String session = devTools.send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        for (String domain : List.of("Network", "Runtime", "Log", "Page")) {
            devTools.send(session, domain + ".enable", Map.of());
        }
        devTools.send(session, "Page.navigate", Map.of("url", url));
        devTools.awaitEvent(session, "Page.loadEventFired");
        return new BrowserPage(devTools, session);
    }

    /** The value of a JavaScript expression evaluated in the page. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = devTools.send(session, "Runtime.evaluate", Map.of("expression", expression,
                "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("evaluating " + expression + " threw " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A number the page computes, e.g. a count of elements. */
    long number(String expression) throws Exception {
        return evaluate(expression).asLong(-1);
    }

    /** Every URL the page requested (its own document included). */
    List<String> requests() {
        List<String> urls = new ArrayList<>();
        for (JsonNode e : mine("Network.requestWillBeSent")) {
            urls.add(e.path("params").path("request").path("url").asText());
        }
        return urls;
    }

    /** Console errors and assertions, uncaught exceptions, error-level log entries, failed loads and dialogs. */
    List<String> errors() {
        List<String> errors = new ArrayList<>();
        for (JsonNode e : mine("Runtime.consoleAPICalled")) {
            String type = e.path("params").path("type").asText();
            if (type.equals("error") || type.equals("assert")) {
                errors.add("console." + type + ": " + e.path("params").path("args"));
            }
        }
        for (JsonNode e : mine("Runtime.exceptionThrown")) {
            errors.add("exception: " + e.path("params").path("exceptionDetails"));
        }
        for (JsonNode e : mine("Log.entryAdded")) {
            if (e.path("params").path("entry").path("level").asText().equals("error")) {
                errors.add("log: " + e.path("params").path("entry").path("text").asText() + " "
                        + e.path("params").path("entry").path("url").asText());
            }
        }
        for (JsonNode e : mine("Page.javascriptDialogOpening")) {
            errors.add("a script opened a dialog: " + e.path("params").path("message").asText());
        }
        for (JsonNode e : mine("Network.loadingFailed")) {
            errors.add("failed load: " + e.path("params"));
        }
        return errors;
    }

    /** Saves a PNG screenshot of the whole page. */
    void screenshot(Path file) throws Exception {
        JsonNode shot = devTools.send(session, "Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private List<JsonNode> mine(String method) {
        return devTools.events().stream().filter(e -> e.path("method").asText().equals(method)
                && e.path("sessionId").asText().equals(session)).toList();
    }
}
