package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Digital Bazaar's standard VC libraries ({@code @digitalbazaar/vc}, {@code data-integrity},
 * {@code eddsa-jcs-2022-cryptosuite}, {@code vc-bitstring-status-list}) and {@code jsonld}, run by node on
 * what the service publishes: {@code src/test/js/vc/check.mjs}, with the versions pinned in its
 * {@code package-lock.json}, installed and run by {@link Node}. The checks of one call run in one node process,
 * which prints one JSON result.
 */
public final class VcLibraries {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        try {
            Path request = Files.createTempFile("vc-libraries-request-", ".json");
            try {
                JSON.writeValue(request.toFile(), Map.of("service", service, "checks", checks.stream().map(c -> c.fields).toList()));
                Commands.Result run = Node.script("vc", "check.mjs", List.of(request.toAbsolutePath().toString()));
                if (run.exitCode() != 0) {
                    throw new AssertionError("node check.mjs failed (exit " + run.exitCode() + "):\n" + run.both());
                }
                return new Result(JSON.readTree(run.stdout()), run.both());
            } finally {
                Files.deleteIfExists(request);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
