package com.etitle.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

import com.etitle.common.CrossOriginPolicy.Audience;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The CORS rule on its own: configured origins, refused settings, and agreement with the resources' own security. */
class CrossOriginPolicyTest {

    private static final String PORTAL = "https://hr.example.cn";
    private static final String OTHER = "https://elsewhere.example";

    private final CrossOriginPolicy defaults = new CrossOriginPolicy(List.of("*"), List.of(), List.of(), Duration.ofMinutes(10));
    private final CrossOriginPolicy configured = new CrossOriginPolicy(List.of(PORTAL), List.of("https://gs.example.cn"),
            List.of("https://Admin.Example.cn:8443"), Duration.ofMinutes(10));

    @Test
    void a_configured_verification_origin_is_answered_with_itself_and_another_origin_gets_nothing_to_read() {
        assertThat(configured.forRequest("POST", "/api/v1/verifications", PORTAL))
                .containsEntry("Access-Control-Allow-Origin", PORTAL).containsEntry("Vary", "Origin")
                .containsKey("Access-Control-Expose-Headers");
        assertThat(configured.forRequest("POST", "/api/v1/verifications", OTHER))
                .as("the answer still varies by origin, so a cache does not hand the portal's copy to another")
                .containsOnly(Map.entry("Vary", "Origin"));
        assertThat(configured.forPreflight(PORTAL, "POST", "/credentials/verify")).get()
                .satisfies(h -> assertThat(h).containsEntry("Access-Control-Allow-Origin", PORTAL).containsEntry("Access-Control-Allow-Methods", "POST")
                        .containsEntry("Access-Control-Allow-Headers", "Content-Type").containsEntry("Access-Control-Max-Age", "600"));
        assertThat(configured.forPreflight(OTHER, "POST", "/credentials/verify")).isEmpty();
    }

    @Test
    void public_documents_answer_any_origin_whatever_is_configured_and_without_an_origin_too() {
        for (CrossOriginPolicy policy : List.of(defaults, configured)) {
            assertThat(policy.forRequest("GET", "/api/v1/issuers/DEMO", OTHER)).containsEntry("Access-Control-Allow-Origin", "*");
            assertThat(policy.forRequest("HEAD", "/.well-known/jwks.json", null)).containsEntry("Access-Control-Allow-Origin", "*")
                    .doesNotContainKey("Vary");
            assertThat(policy.forPreflight(OTHER, "GET", "/api/v1/status-lists/1-revocation")).get()
                    .satisfies(h -> assertThat(h).containsEntry("Access-Control-Allow-Origin", "*")
                            .containsEntry("Access-Control-Allow-Methods", "GET, HEAD").containsEntry("Access-Control-Allow-Headers", "If-None-Match"));
        }
    }

    @Test
    void authenticated_endpoints_answer_only_configured_front_ends_and_nobody_by_default() {
        assertThat(defaults.forRequest("GET", "/api/v1/certificates/2026123", PORTAL)).isEmpty();
        assertThat(defaults.forPreflight(PORTAL, "GET", "/api/v1/certificates/2026123")).isEmpty();
        assertThat(defaults.forPreflight(PORTAL, "POST", "/api/v1/committees")).as("a write on a path whose reads are public").isEmpty();

        assertThat(configured.forRequest("GET", "/api/v1/me/certificates", "https://admin.example.cn:8443"))
                .as("origins compare as browsers send them, in lower case")
                .containsEntry("Access-Control-Allow-Origin", "https://admin.example.cn:8443");
        assertThat(configured.forPreflight("https://admin.example.cn:8443", "PUT", "/api/v1/committees/7")).get()
                .satisfies(h -> assertThat(h.get("Access-Control-Allow-Headers")).contains("Authorization", "If-Match"));
        assertThat(configured.forPreflight(PORTAL, "PUT", "/api/v1/committees/7")).isEmpty();
    }

    @Test
    void objections_are_served_to_listed_portals_only() {
        assertThat(defaults.forPreflight(PORTAL, "POST", "/api/v1/publicity-notices/12/objections")).isEmpty();
        assertThat(defaults.forRequest("POST", "/api/v1/publicity-notices/12/objections", PORTAL)).isEmpty();
        assertThat(configured.forPreflight("https://gs.example.cn", "POST", "/api/v1/publicity-notices/12/objections")).isPresent();
        assertThat(configured.forPreflight(PORTAL, "POST", "/api/v1/publicity-notices/12/objections")).isEmpty();
        assertThat(configured.forPreflight("https://gs.example.cn", "GET", "/api/v1/publicity-notices/12/objections"))
                .as("the registrar's list of objections is not the public form").isEmpty();
    }

    @Test
    void the_objection_form_is_taken_from_our_own_pages_and_listed_portals_only() {
        CrossOriginPolicy.Audience objectors = CrossOriginPolicy.Audience.OBJECTORS;
        String own = "https://etitle.example.cn";

        assertThat(defaults.allowsFormPost(objectors, own, "same-origin", own)).isTrue();
        assertThat(defaults.allowsFormPost(objectors, "HTTPS://ETITLE.EXAMPLE.CN", null, own)).isTrue();
        assertThat(defaults.allowsFormPost(objectors, null, "same-origin", own)).isTrue();
        assertThat(defaults.allowsFormPost(objectors, null, "none", own)).as("typed or bookmarked").isTrue();
        assertThat(defaults.allowsFormPost(objectors, null, null, own)).as("no browser another site could drive").isTrue();
        assertThat(defaults.allowsFormPost(objectors, "null", "same-origin", own)).as("our own page, which sends no referrer").isTrue();

        assertThat(defaults.allowsFormPost(objectors, "https://gs.example.cn", "cross-site", own)).isFalse();
        assertThat(defaults.allowsFormPost(objectors, "null", null, own)).isFalse();
        assertThat(defaults.allowsFormPost(objectors, "null", "cross-site", own)).as("a sandboxed or referrer-less page elsewhere").isFalse();
        assertThat(defaults.allowsFormPost(objectors, "null", "none", own)).isFalse();
        assertThat(defaults.allowsFormPost(objectors, "http://etitle.example.cn", null, own)).as("another scheme").isFalse();
        assertThat(defaults.allowsFormPost(objectors, null, "cross-site", own)).isFalse();
        assertThat(defaults.allowsFormPost(objectors, null, "same-site", own)).isFalse();
        assertThat(configured.allowsFormPost(objectors, "https://gs.example.cn", "cross-site", own)).as("a listed portal").isTrue();
        assertThat(configured.allowsFormPost(objectors, "null", null, own)).isFalse();
    }

    @Test
    void credentials_are_never_allowed_and_pages_and_probes_get_no_cors() {
        for (CrossOriginPolicy policy : List.of(defaults, configured)) {
            assertThat(policy.forRequest("GET", "/api/v1/issuers", OTHER)).doesNotContainKey("Access-Control-Allow-Credentials");
            assertThat(policy.forRequest("GET", "/verify", OTHER)).isEmpty();
            assertThat(policy.forPreflight(OTHER, "GET", "/q/health")).isEmpty();
        }
    }

    @Test
    void a_wildcard_for_authenticated_endpoints_or_a_malformed_origin_stops_the_start() {
        assertThatThrownBy(() -> new CrossOriginPolicy(List.of("*"), List.of(), List.of("*"), Duration.ZERO))
                .hasMessageContaining("etitle.cors.authenticated-origins may not be '*'");
        for (String bad : List.of("https://hr.example.cn/", "hr.example.cn", "https://hr.example.cn/verify", "ftp://hr.example.cn", "null")) {
            assertThatThrownBy(() -> new CrossOriginPolicy(List.of(bad), List.of(), List.of(), Duration.ZERO))
                    .as(bad).hasMessageContaining("etitle.cors.verification-origins").hasMessageContaining("is not an origin");
        }
        assertThat(new CrossOriginPolicy(List.of("http://127.0.0.1:9000", "https://[::1]:8443"), List.of(), List.of(), Duration.ZERO)
                .forRequest("POST", "/api/v1/verifications", "http://127.0.0.1:9000")).containsKey("Access-Control-Allow-Origin");
    }

    /**
     * The table of public paths and the resources' own security are two statements of one fact; this keeps them
     * equal, so a new public read that is not in the table, or a table entry that opens a protected method, fails here.
     */
    @Test
    void every_resource_method_is_in_the_audience_its_security_annotations_say() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            Audience actual = CrossOriginPolicy.audience(e.method(), e.samplePath());
            List<Audience> expected = e.page() || e.benchOnly() ? List.of(Audience.NONE)
                    : !e.isPublic() ? List.of(Audience.AUTHENTICATED)
                    : e.method().equals("GET") ? List.of(Audience.PUBLIC_READ)
                    : List.of(Audience.VERIFIERS, Audience.OBJECTORS);
            if (!expected.contains(actual)) {
                wrong.add(e.method() + " " + e.template() + ": " + actual + ", expected " + expected);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(endpoints()).as("the scan found the resources").hasSizeGreaterThan(40);
        assertThat(CrossOriginPolicy.audience("GET", "/q/openapi")).isEqualTo(Audience.PUBLIC_READ);
    }

    /**
     * A JAX-RS resource method: its HTTP method, path template, whether a token is needed, and whether it is a bench's
     * yardstick kept out of the contract (which no other origin's script has any business calling).
     */
    private record Endpoint(String method, String template, boolean isPublic, boolean page, boolean benchOnly) {

        /** The template with every {@code {param}} replaced by a plausible segment. */
        String samplePath() {
            return template.replaceAll("\\{[^}]+}", "X1");
        }
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.etitle").stream()
                .filter(c -> c.isAnnotatedWith(Path.class))
                .map(c -> c.reflect())
                .forEach(type -> {
                    String base = type.getAnnotation(Path.class).value();
                    for (Method m : type.getDeclaredMethods()) {
                        String verb = verb(m);
                        if (verb == null) {
                            continue;
                        }
                        Path sub = m.getAnnotation(Path.class);
                        String template = ("/" + base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                        if (template.length() > 1 && template.endsWith("/")) {
                            template = template.substring(0, template.length() - 1);
                        }
                        boolean isPublic = m.isAnnotationPresent(PermitAll.class)
                                || !m.isAnnotationPresent(RolesAllowed.class) && !type.isAnnotationPresent(RolesAllowed.class);
                        Produces produces = m.isAnnotationPresent(Produces.class) ? m.getAnnotation(Produces.class) : type.getAnnotation(Produces.class);
                        // a page is navigated to, never fetched by another origin's script
                        boolean page = produces != null && Arrays.stream(produces.value()).anyMatch(p -> p.startsWith("text/html"));
                        boolean benchOnly = m.isAnnotationPresent(Operation.class) && m.getAnnotation(Operation.class).hidden();
                        endpoints.add(new Endpoint(verb, template, isPublic, page, benchOnly));
                    }
                });
        return endpoints;
    }

    private static String verb(Method m) {
        return Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class)
                .filter(m::isAnnotationPresent).map(a -> a.getSimpleName()).findFirst().orElse(null);
    }
}
