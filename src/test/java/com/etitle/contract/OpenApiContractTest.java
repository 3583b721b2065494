package com.etitle.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * openapi/openapi.yaml is the committed contract. When the served document changes, this test fails
 * and leaves the served version in target/openapi-served.yaml: review the difference, then copy it over.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi", "openapi.yaml");

    @Test
    void the_served_openapi_document_is_the_committed_contract() throws IOException {
        String served = given().queryParam("format", "yaml").when().get("/q/openapi").then().statusCode(200).extract().asString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi-served.yaml"), served);
        assertThat(CONTRACT).as("committed contract").exists();
        assertThat(served)
                .as("served OpenAPI differs from %s; see target/openapi-served.yaml", CONTRACT)
                .isEqualTo(Files.readString(CONTRACT));
    }

    @Test
    void the_contract_names_every_path_of_the_design() throws IOException {
        String contract = Files.readString(CONTRACT);
        assertThat(contract).contains("/.well-known/jwks.json:", "/api/v1/issuers:", "/api/v1/verifications:", "/api/v1/certificates:",
                "/api/v1/certificates/{number}:", "/api/v1/certificates/{number}/revocation:", "/api/v1/certificates/{number}/suspension:",
                "/api/v1/status-lists/{id}:", "/api/v1/reissue-applications:", "/api/v1/reissue-applications/{id}/approval:",
                "/api/v1/reissue-applications/{id}/rejection:", "/api/v1/void-notices:", "/api/v1/void-notices/{id}:",
                "/api/v1/committees:", "/api/v1/committees/{id}:", "/api/v1/publicity-notices:", "/api/v1/publicity-notices/{id}:",
                "/api/v1/publicity-notices/{id}/objections:", "/api/v1/qualification-documents:", "/api/v1/qualification-documents/{id}:",
                "/api/v1/certificate-batches:", "/api/v1/certificate-batches/{id}:",
                "/api/v1/me/certificates:", "/api/v1/me/certificates/{number}:", "/api/v1/me/certificates/{number}/credential:",
                "/api/v1/me/certificates/{number}/qr:", "/api/v1/me/certificates/{number}/document:",
                "/api/v1/me/certificates/{number}/grants:", "/api/v1/me/certificates/{number}/grants/{id}:",
                "/api/v1/me/certificates/{number}/verification-log:", "/api/v1/issuers/{code}/document-certificates:",
                "/api/v1/issuers/{code}/seal-certificates:",
                "/credentials/verify:");
    }

    /**
     * The contract marks operations public ({@code security: []}) or bearer-only from their {@code @SecurityRequirement};
     * this holds it to what the code enforces, {@code @RolesAllowed}, so that neither a forgotten annotation nor the
     * filter can tell a client that a guarded operation is open (or the reverse). It also finds every JAX-RS method in
     * the document, but the hidden yardsticks of the benches under {@code /bench/}.
     */
    @Test
    void operations_that_need_a_role_ask_for_a_bearer_token_and_all_others_are_public() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString()).path("paths");
        Map<String, Boolean> needsToken = new TreeMap<>();
        for (Class<?> resource : resourceClasses()) {
            jakarta.ws.rs.Path base = resource.getAnnotation(jakarta.ws.rs.Path.class);
            for (Method method : resource.getDeclaredMethods()) {
                Optional<String> verb = httpMethod(method);
                if (verb.isEmpty()) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path = join(base.value(), sub == null ? "" : sub.value());
                Operation operation = method.getAnnotation(Operation.class);
                if (operation != null && operation.hidden()) {
                    // only a bench's yardstick may stay out of the contract, and it is off unless etitle.bench.routes is set
                    assertThat(path).as("hidden operation %s %s", verb.get(), path).startsWith("/bench/");
                    continue;
                }
                boolean guarded = method.isAnnotationPresent(RolesAllowed.class)
                        || resource.isAnnotationPresent(RolesAllowed.class) && !method.isAnnotationPresent(PermitAll.class);
                needsToken.put(verb.get() + " " + path, guarded);
            }
        }
        assertThat(needsToken).as("resource methods found").hasSizeGreaterThan(40);
        List<String> wrong = new ArrayList<>();
        needsToken.forEach((operation, guarded) -> {
            String[] parts = operation.split(" ", 2);
            JsonNode op = paths.path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            if (op.isMissingNode()) {
                wrong.add(operation + " is not in the contract");
            } else if (!op.path("security").isArray()) {
                wrong.add(operation + " has no security in the contract");
            } else if (guarded != !op.path("security").isEmpty()) {
                wrong.add(operation + (guarded ? " needs a role but is marked public" : " is public but asks for a token")
                        + ": " + op.path("security"));
            } else if (guarded && !op.path("security").path(0).has("bearer")) {
                wrong.add(operation + " asks for something other than the bearer scheme: " + op.path("security"));
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static Optional<String> httpMethod(Method method) {
        return Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class)
                .filter(method::isAnnotationPresent).map(Class::getSimpleName).findFirst();
    }

    /** Every class of the application (target/classes) with a JAX-RS @Path, loaded without running it. */
    private static List<Class<?>> resourceClasses() throws IOException {
        Path classes = Path.of("target", "classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("com"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '.').replaceFirst("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, OpenApiContractTest.class.getClassLoader());
                    if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                        resources.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
        }
        return resources;
    }

    /** The OpenAPI path of a JAX-RS class and method path: one slash between parts, none at the end, regexes dropped. */
    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
