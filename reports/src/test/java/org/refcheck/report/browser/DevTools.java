package org.refcheck.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools Protocol client over the JDK's own WebSocket: send a command (to the browser, or to a
 * page session), wait for its result, and keep every event for the caller to inspect.
 *
 * <p>Memory consistency effects: events are appended by the WebSocket's listener thread to a
 * {@link CopyOnWriteArrayList}; a command's result completes a future, so a test that reads {@link #events()} after a
 * command returned sees every event the browser sent before that command's result.
 */
final class DevTools implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private volatile WebSocket socket;

    private DevTools() {
    }

    /** Connects to a DevTools WebSocket URL (loopback only). */
    static DevTools connect(String url) throws Exception {
        DevTools devTools = new DevTools();
        devTools.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(url), devTools.new Receiver()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return devTools;
    }

    /** Sends {@code method} with {@code params} (to {@code sessionId}'s page, or the browser if null). */
    JsonNode send(String sessionId, String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        JsonNode reply = result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IOException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** Waits until an event {@code method} arrived for {@code sessionId}. */
    JsonNode awaitEvent(String sessionId, String method) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            for (JsonNode e : events) {
                if (e.path("method").asText().equals(method) && e.path("sessionId").asText().equals(sessionId)) {
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new TimeoutException("no " + method + " event within " + TIMEOUT_SECONDS + " s");
    }

    /** Every event received so far. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    private void receive(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
                if (f != null) {
                    f.complete(message);
                }
            } else {
                events.add(message);
            }
        } catch (IOException e) {
            events.add(JSON.createObjectNode().put("method", "refcheck.unreadableMessage").put("text", text));
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                .join();
    }

    /** Joins a message's fragments and hands it to {@link #receive}. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                receive(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
