package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Deque's axe-core (pinned in {@code src/test/js/axe/package-lock.json}, installed by {@link Node}) run inside the page
 * a {@link RealBrowser} shows, with its default rules (WCAG 2.0-2.2 A and AA, and best practices). The library is
 * handed to the page through WebDriver, which evaluates it through the DevTools protocol: that is not a script the
 * page loads, so the pages' policy ({@code script-src 'self'}, no inline script) neither blocks it nor has to be
 * loosened for the audit, and axe-core itself needs no {@code eval}. {@code PageScriptPolicyBrowserTest} shows that
 * the same policy still stops a script the page itself would insert.
 */
public final class Axe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private Axe() {
    }

    /** One rule the page breaks: axe's rule id, its impact (minor, moderate, serious, critical) and where. */
    public record Violation(String rule, String impact, String help, List<String> targets) {

        public boolean blocking() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + targets;
        }
    }

    /** What axe found on one page in one state. */
    public record Audit(String page, List<Violation> violations) {

        public List<Violation> blocking() {
            return violations.stream().filter(Violation::blocking).toList();
        }

        public List<Violation> others() {
            return violations.stream().filter(v -> !v.blocking()).toList();
        }

        @Override
        public String toString() {
            return page + ": " + (violations.isEmpty() ? "no violations"
                    : violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ", "\n  ", "")));
        }
    }

    /** Runs axe on the page as the browser shows it now. */
    public static Audit run(RealBrowser browser, String name) {
        browser.script(source() + "\nreturn typeof axe;");
        Object answer = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then(r => done(JSON.stringify(r.violations)), e => done('axe failed: ' + e));""");
        String text = String.valueOf(answer);
        if (!text.startsWith("[")) {
            throw new AssertionError(name + ": " + text);
        }
        try {
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : JSON.readTree(text)) {
                List<String> targets = new ArrayList<>();
                for (JsonNode node : v.path("nodes")) {
                    targets.add(node.path("target").toString());
                }
                violations.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(), targets));
            }
            return new Audit(name, violations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String source() {
        if (source == null) {
            try {
                source = Files.readString(Node.packages("axe").resolve("node_modules/axe-core/axe.min.js"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
