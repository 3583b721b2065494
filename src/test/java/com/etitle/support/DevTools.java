package com.etitle.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real headless Chromium driven as a person drives a page, for what {@link Browser}'s one-shot DOM dump cannot do:
 * choose a file in a file input, click a button, wait for the answer. It speaks the browser's own DevTools protocol
 * over its WebSocket (no WebDriver, nothing to install beyond Debian's {@code chromium}); a missing browser fails the
 * test. One page per instance; close it.
 */
public final class DevTools implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final String session;

    private DevTools(Process process, Path profile, String endpoint) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(endpoint), new Listener())
                .get(20, TimeUnit.SECONDS);
        String target = send(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        this.session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).path("sessionId").asText();
    }

    /** A browser with the given extra switches (a fake camera, say), showing a blank page. */
    public static DevTools open(String... switches) {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("etitle-devtools-");
            List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--remote-debugging-port=0"));
            command.addAll(List.of(switches));
            command.add("about:blank");
            Process process;
            try {
                process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new AssertionError("cannot run chromium: the browser test needs Debian's chromium on the PATH (apt-get install chromium)", e);
            }
            String endpoint = endpoint(process);
            return new DevTools(process, profile, endpoint);
        } catch (IOException e) {
            delete(profile);
            throw new UncheckedIOException(e);
        } catch (AssertionError e) {
            delete(profile);
            throw e;
        } catch (Exception e) {
            delete(profile);
            throw new AssertionError("cannot drive chromium", e);
        }
    }

    /** Opens the address and waits until the page and its deferred scripts have run. */
    public void navigate(String url) {
        send(session, "Page.navigate", Map.of("url", url));
        waitFor("document.readyState === 'complete' && location.href !== 'about:blank' ? 'ready' : ''", Duration.ofSeconds(20));
    }

    /** The value of a JavaScript expression in the page, as text; empty while the page is between documents. */
    public String evaluate(String expression) {
        JsonNode result = send(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            return "";
        }
        JsonNode value = result.path("result").path("value");
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    /** Chooses the file in the file input the selector names, as a person does in the file dialog (the page sees "change"). */
    public void chooseFile(String selector, Path file) {
        int root = send(session, "DOM.getDocument", Map.of()).path("root").path("nodeId").asInt();
        int input = send(session, "DOM.querySelector", Map.of("nodeId", root, "selector", selector)).path("nodeId").asInt();
        if (input == 0) {
            throw new AssertionError("no element " + selector + " on the page");
        }
        send(session, "DOM.setFileInputFiles", Map.of("nodeId", input, "files", List.of(file.toAbsolutePath().toString())));
    }

    /** Polls the expression until it gives non-empty text, and returns that text; fails after the timeout. */
    public String waitFor(String expression, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String value;
            try {
                value = evaluate(expression);
            } catch (AssertionError e) {
                // the page is being replaced (a form posted); ask again
                value = "";
            }
            if (!value.isEmpty()) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("the page never gave " + expression + "; it shows: " + evaluate("document.body ? document.body.innerText : ''"));
    }

    @Override
    public void close() {
        try {
            send(null, "Browser.close", Map.of());
        } catch (AssertionError ignored) {
            // it may already be gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        delete(profile);
    }

    private JsonNode send(String sessionId, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            socket.sendText(message.toString(), true).get(10, TimeUnit.SECONDS);
            JsonNode reply = answer.get(30, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new AssertionError(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (TimeoutException e) {
            throw new AssertionError(method + " got no answer from chromium", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(method + " could not be sent to chromium", e);
        } finally {
            pending.remove(id);
        }
    }

    private static String endpoint(Process process) throws IOException {
        BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = stderr.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // keep draining the browser's messages so that it never blocks on a full pipe
                Thread drain = new Thread(() -> {
                    try {
                        while (stderr.readLine() != null) {
                            // discarded
                        }
                    } catch (IOException ignored) {
                        // the browser went away
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("chromium did not open its DevTools endpoint: " + seen);
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans up
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> waiting = pending.get(message.get("id").asInt());
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    }
                } catch (IOException ignored) {
                    // not a protocol message
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
