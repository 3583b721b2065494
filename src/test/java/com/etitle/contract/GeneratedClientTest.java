package com.etitle.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

import com.etitle.support.Commands;
import com.etitle.support.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The contract used the way an integrator uses it: openapi-generator (the version pinned in pom.xml, run as its own
 * process because its libraries clash with Quarkus') makes a Java client of openapi/openapi.yaml, javac compiles it
 * with a small committed program written against it (src/test/generated-client), and that program issues and verifies
 * a certificate on the running service through the client's typed methods and models. A contract with untyped or
 * misnamed parts fails here at generation, at compilation or at the first call.
 */
@QuarkusTest
class GeneratedClientTest {

    private static final Path CONTRACT = Path.of("openapi", "openapi.yaml");
    private static final Path WORK = Path.of("target", "generated-client");
    private static final Path DRIVER = Path.of("src", "test", "generated-client");

    @TestHTTPResource("/")
    URI root;

    @Test
    void a_client_generated_from_the_contract_issues_a_certificate_and_verifies_it_every_way() throws Exception {
        Path sources = generate();
        Path classes = compile(sources);
        Map<String, Object> seen = run(classes);

        assertThat(seen).containsEntry("issued.status", "VALID").containsEntry("issued.level", "DEPUTY_SENIOR")
                .containsEntry("issued.issuer.code", "TEST-A");
        assertThat((String) seen.get("issued.credential.class")).as("the credential is read as a JSON object").contains("Map");
        String number = (String) seen.get("issued.number");
        assertThat(number).matches("\\d{17}");

        assertThat(seen).containsEntry("byCode.result", "VALID").containsEntry("byCode.valid", true)
                .containsEntry("byCode.method", "NUMBER_AND_CODE").containsEntry("byCode.number", number)
                .containsEntry("byCode.level", "DEPUTY_SENIOR").containsEntry("byCode.qualificationDate", java.time.LocalDate.of(2026, 6, 18));
        assertThat(seen).containsEntry("byToken.result", "VALID").containsEntry("byToken.method", "TOKEN");
        assertThat(seen).containsEntry("byCredential.result", "VALID");

        assertThat(seen).containsEntry("suspended.status", "SUSPENDED").containsEntry("whileSuspended.result", "CERTIFICATE_NOT_VALID")
                .containsEntry("whileSuspended.status", "SUSPENDED").containsEntry("reinstated.status", "VALID");

        assertThat(seen).containsEntry("empty.code", 422).containsEntry("empty.status", 422)
                .containsEntry("empty.type", "/problems/validation-failed");
        assertThat((String) seen.get("empty.contentType")).startsWith("application/problem+json");
        assertThat(seen).containsEntry("anonymous.code", 401).containsEntry("anonymous.type", "/problems/unauthenticated");
    }

    /** The Java client (native HTTP client, Jackson), with options that need no jar beyond the test class path. */
    private static Path generate() throws IOException {
        String jar = System.getProperty("openapi-generator.jar");
        assertThat(jar).as("system property openapi-generator.jar (set by the pom)").isNotBlank();
        assertThat(Path.of(jar)).as("the generator, copied by maven-dependency-plugin in generate-test-resources").exists();
        Path output = WORK.resolve("client");
        deleteRecursively(output);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Commands.Result run = Commands.run(WORK, Map.of(), Duration.ofMinutes(5), List.of(java, "-jar", jar, "generate",
                "--input-spec", CONTRACT.toAbsolutePath().toString(),
                "--generator-name", "java", "--library", "native",
                "--output", output.toAbsolutePath().toString(),
                "--invoker-package", "com.etitle.client", "--api-package", "com.etitle.client.api", "--model-package", "com.etitle.client.model",
                // no jackson-databind-nullable, jakarta rather than javax annotations, and a reproducible output
                "--additional-properties", "openApiNullable=false,useJakartaEe=true,hideGenerationTimestamp=true",
                "--global-property", "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false"));
        assertThat(run.exitCode()).as("openapi-generator on %s:\n%s", CONTRACT, run.both()).isZero();
        Path sources = output.resolve("src").resolve("main").resolve("java");
        assertThat(sources.resolve("com/etitle/client/api/VerificationApi.java")).exists();
        return sources;
    }

    /** The generated sources and the driver, compiled against the test class path (Jackson, jakarta.annotation). */
    private static Path compile(Path sources) throws IOException {
        Path classes = WORK.resolve("classes");
        deleteRecursively(classes);
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", testClassPath(), "-encoding", "UTF-8",
                "-proc:none", "-nowarn", "-Xlint:none"));
        try (Stream<Path> files = Stream.concat(Files.walk(sources), Files.walk(DRIVER))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler (this JVM is a JRE)").isNotNull();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int exit = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
        assertThat(exit).as("javac on the generated client and %s:\n%s", DRIVER, diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        return classes;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run(Path classes) throws Exception {
        // the test's own loader as parent: the client links to the Jackson the test class path has
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Function<Map<String, String>, Map<String, Object>> driver = (Function<Map<String, String>, Map<String, Object>>) loader
                    .loadClass("com.etitle.client.check.IssueAndVerify").getConstructor().newInstance();
            String base = root.toString().replaceFirst("/$", "");
            return driver.apply(Map.of("baseUri", base, "issuerToken", Tokens.issuer("TEST-A")));
        }
    }

    private static String testClassPath() {
        // Surefire may start the JVM through a manifest-only jar; it also passes the real class path in this property
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(path.split(File.pathSeparator)).filter(p -> Files.exists(Path.of(p)))
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
