package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Digital Bazaar's standard VC libraries ({@code @digitalbazaar/vc}, {@code data-integrity},
 * {@code eddsa-jcs-2022-cryptosuite}, {@code vc-bitstring-status-list}) and {@code jsonld}, run by node on
 * what the service publishes. The versions are pinned in {@code src/test/js/vc/package-lock.json}; they are
 * installed with {@code npm ci} into {@code target/standard-vc-libraries} once per test JVM (npm's cache
 * keeps later runs offline). {@code check.mjs} there does the checks and prints one JSON result. A missing
 * node or npm fails the test, because a skipped check checks nothing.
 */
public final class VcLibraries {

    private static final Path SOURCES = Path.of("src", "test", "js", "vc");
    private static final Path HOME = Path.of("target", "standard-vc-libraries");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean installed;

    private VcLibraries() {
    }

    /** One check for {@code check.mjs}: what to run on which document. */
    public static final class Check {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Check(String name, String op) {
            fields.put("name", name);
            fields.put("op", op);
        }

        public String name() {
            return (String) fields.get("name");
        }

        /** {@code vc.verifyCredential} with the eddsa-jcs-2022 Data Integrity suite. */
        public static Check verify(String name) {
            return new Check(name, "verify");
        }

        /** {@code jsonld.expand} in safe mode, which throws on any term it would drop. */
        public static Check expand(String name) {
            return new Check(name, "expand");
        }

        /** The document as the test holds it. */
        public Check document(Object document) {
            fields.put("document", document);
            return this;
        }

        /** The document as the plain loader gets it: fetched from the service, or a DID resolved with did:web. */
        public Check url(String url) {
            fields.put("url", url);
            return this;
        }

        /** Also checks the status with {@code vc-bitstring-status-list}'s {@code checkStatus}. */
        public Check withStatus() {
            fields.put("checkStatus", true);
            return this;
        }

        /** Adds {@code "notDefined": 1} to a copy of the document: a term no context defines. */
        public Check withUndefinedTerm() {
            fields.put("addUndefinedTerm", true);
            return this;
        }
    }

    /** What the libraries said, by check name, with the whole output for failure messages. */
    public record Result(JsonNode byName, String output) {
        public JsonNode of(String name) {
            return byName.path(name);
        }

        @Override
        public String toString() {
            return output;
        }
    }

    /** Runs the checks in one node process; {@code service} is the public URL, the only origin the loader fetches from. */
    public static Result run(String service, List<Check> checks) {
        install();
        try {
            Map<String, Object> request = Map.of("service", service, "checks", checks.stream().map(c -> c.fields).toList());
            Path file = Files.createTempFile(HOME.toAbsolutePath(), "request-", ".json");
            try {
                JSON.writeValue(file.toFile(), request);
                Run run = execute(List.of("node", "check.mjs", file.toString()), 120);
                if (run.exit() != 0) {
                    throw new AssertionError("node check.mjs failed (exit " + run.exit() + "):\n" + run.stdout() + run.stderr());
                }
                return new Result(JSON.readTree(run.stdout()), run.stdout() + run.stderr());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Files.createDirectories(HOME);
            for (String file : List.of("package.json", "package-lock.json", "check.mjs")) {
                Files.copy(SOURCES.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Run run = execute(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
        if (run.exit() != 0) {
            throw new AssertionError("npm ci failed in " + HOME + " (exit " + run.exit() + "):\n" + run.stdout() + run.stderr());
        }
        installed = true;
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run execute(List<String> command, int timeoutSeconds) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(HOME.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0)
                    + ": the standard VC library test needs Node.js and npm on the PATH (apt-get install npm)", e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process, true));
            String stdout = read(process, false);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s:\n" + stdout + stderr.join());
            }
            return new Run(process.exitValue(), stdout, stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private static String read(Process process, boolean errors) {
        try {
            return new String((errors ? process.getErrorStream() : process.getInputStream()).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
