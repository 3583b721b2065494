package com.etitle.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.etitle.support.Commands;
import com.etitle.support.Node;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The committed contract, linted with the tools client developers bring: Redocly CLI with its recommended ruleset and
 * Spectral with spectral:oas, at the versions pinned in src/test/js/openapi (installed by {@code npm ci} into
 * target/js/openapi by {@link Node}, once per lock file). An error fails the build; the warnings left are printed, and
 * docs/openapi.md says why each kind is kept. A missing npm or Node.js fails rather than skips.
 */
class OpenApiLintTest {

    private static final Path PINNED = Path.of("src", "test", "js", "openapi");
    private static final Path CONTRACT = Path.of("openapi", "openapi.yaml");
    /** Redocly CLI 2 needs it; Node.js 18, Debian 12's own, is too old. */
    private static final int[] NODE_AT_LEAST = {20, 19};
    /** No update notices and no usage reports: the build reaches only the package registry. */
    private static final Map<String, String> QUIET = Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true",
            "NO_UPDATE_NOTIFIER", "1", "NPM_CONFIG_UPDATE_NOTIFIER", "false");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path tools;

    record Finding(String tool, boolean error, String rule, String where, String message) {

        @Override
        public String toString() {
            return tool + " " + (error ? "error" : "warning") + " " + rule + " at " + where + ": " + message;
        }
    }

    @BeforeAll
    static void install_the_pinned_linters() {
        assertNodeVersion();
        // npm ci of src/test/js/openapi into target/js/openapi, once per lock file; the rulesets are copied beside it
        tools = Node.packages("openapi");
    }

    @Test
    void redocly_recommended_finds_no_error_in_the_contract() throws IOException {
        Commands.Result run = Commands.run(tools, QUIET, Duration.ofMinutes(3), List.of(bin("redocly").toString(), "lint",
                "--config", absolute(PINNED.resolve("redocly.yaml")), "--format=json", absolute(CONTRACT)));
        JsonNode report = parse(run);
        List<Finding> findings = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            findings.add(new Finding("redocly", "error".equals(problem.path("severity").asText()), problem.path("ruleId").asText(),
                    problem.path("location").path(0).path("pointer").asText(), problem.path("message").asText()));
        }
        assertThat(findings).as("findings of a report whose totals say %s", report.path("totals"))
                .hasSize(report.path("totals").path("errors").asInt() + report.path("totals").path("warnings").asInt());
        report("Redocly CLI (recommended)", findings);
        assertThat(findings).filteredOn(Finding::error).as("Redocly errors in %s", CONTRACT).isEmpty();
    }

    @Test
    void spectral_oas_finds_no_error_in_the_contract() throws IOException {
        Path output = tools.resolve("spectral.json").toAbsolutePath();
        Files.deleteIfExists(output);
        Commands.Result run = Commands.run(tools, QUIET, Duration.ofMinutes(3), List.of(bin("spectral").toString(), "lint",
                "--ruleset", absolute(PINNED.resolve("spectral.yaml")), "--format", "json", "--output", output.toString(),
                absolute(CONTRACT)));
        // Spectral exits 1 when it finds an error; a report must be there either way
        assertThat(output).as("spectral wrote no report:\n%s", run.both()).exists();
        List<Finding> findings = new ArrayList<>();
        for (JsonNode result : JSON.readTree(output.toFile())) {
            List<String> path = new ArrayList<>();
            result.path("path").forEach(p -> path.add(p.asText()));
            int severity = result.path("severity").asInt();
            if (severity <= 1) {
                findings.add(new Finding("spectral", severity == 0, result.path("code").asText(), String.join(" > ", path),
                        result.path("message").asText()));
            }
        }
        report("Spectral (spectral:oas)", findings);
        assertThat(findings).filteredOn(Finding::error).as("Spectral errors in %s", CONTRACT).isEmpty();
        assertThat(run.exitCode()).as("spectral's exit code, with no error found:\n%s", run.both()).isZero();
    }

    private static void report(String tool, List<Finding> findings) {
        long errors = findings.stream().filter(Finding::error).count();
        System.out.printf("%s on %s: %d errors, %d warnings%n", tool, CONTRACT, errors, findings.size() - errors);
        findings.forEach(f -> System.out.println("  " + f));
    }

    private static JsonNode parse(Commands.Result run) throws IOException {
        // the JSON report is on stdout; notices (such as Node.js deprecations) go to stderr
        int start = run.stdout().indexOf('{');
        assertThat(start).as("no JSON report in the output (exit code %d):\n%s", run.exitCode(), run.both()).isNotNegative();
        return JSON.readTree(run.stdout().substring(start));
    }

    private static void assertNodeVersion() {
        Commands.Result node = Commands.run(Path.of("target"), QUIET, Duration.ofMinutes(1), List.of("node", "--version"));
        String version = node.stdout().trim();
        String[] parts = version.replaceFirst("^v", "").split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        assertThat(major > NODE_AT_LEAST[0] || major == NODE_AT_LEAST[0] && minor >= NODE_AT_LEAST[1])
                .as("Node.js %s is too old for the pinned Redocly CLI: install Node.js %d.%d or later", version, NODE_AT_LEAST[0],
                        NODE_AT_LEAST[1])
                .isTrue();
    }

    private static Path bin(String tool) {
        return tools.resolve("node_modules").resolve(".bin").resolve(tool).toAbsolutePath();
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().toString();
    }
}
