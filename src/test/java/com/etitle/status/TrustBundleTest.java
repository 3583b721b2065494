package com.etitle.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Commands;
import com.etitle.support.Node;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * An offline verifier app — written with jose, a JOSE library we did not write, and nothing else — checks a QR
 * code's token with only the trust bundle it fetched while online and the keys it pinned from an earlier bundle.
 */
@QuarkusTest
class TrustBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "did:web:localhost%3A8081:issuers:TEST-A";

    @Test
    void a_token_verifies_offline_with_the_bundle_and_after_a_refresh_its_revocation_is_seen() throws IOException {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        String token = issued.getString("token");
        String before = bundle();
        Path pinned = pinnedKeys(before);

        assertThat(offline(before, pinned, token)).isEqualTo("VALID");

        revoke(issued.getString("number"));
        // offline means the app knows only what its bundle says, until it refreshes
        assertThat(offline(before, pinned, token)).isEqualTo("VALID");
        String after = bundle();
        assertThat(after).isNotEqualTo(before);
        assertThat(offline(after, pinned, token)).isEqualTo("INVALID");
    }

    @Test
    void a_suspended_certificate_reads_suspended_offline() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Map.of("reason", "UNDER_INVESTIGATION"))
                .post("/api/v1/certificates/" + issued.getString("number") + "/suspension").then().statusCode(200);

        String bundle = bundle();

        assertThat(offline(bundle, pinnedKeys(bundle), issued.getString("token"))).isEqualTo("SUSPENDED");
    }

    @Test
    void a_bundle_with_one_changed_byte_or_a_token_with_one_changed_character_is_rejected_offline() throws IOException {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        String token = issued.getString("token");
        String bundle = bundle();
        Path pinned = pinnedKeys(bundle);

        ObjectNode changed = (ObjectNode) JSON.readTree(bundle);
        byte[] payload = Base64.getUrlDecoder().decode(changed.get("payload").asText());
        String text = new String(payload, StandardCharsets.UTF_8).replace("\"status\":\"ACTIVE\"", "\"status\":\"ACTIVF\"");
        changed.put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        int middle = token.indexOf('.') + 20;
        String changedToken = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);

        assertThat(offline(JSON.writeValueAsString(changed), pinned, token)).isEqualTo("REJECTED");
        assertThat(offline(bundle, pinned, changedToken)).isEqualTo("REJECTED");
        assertThat(offline(bundle, pinned, token)).isEqualTo("VALID");
    }

    @Test
    void a_bundle_signed_by_keys_the_app_never_pinned_is_rejected() throws IOException {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        String bundle = bundle();
        Path strangers = Files.createTempFile("etitle-pinned-", ".json");
        Files.writeString(strangers, "{\"keys\":[]}");

        assertThat(offline(bundle, strangers, issued.getString("token"))).isEqualTo("REJECTED");
    }

    @Test
    void the_bundle_names_every_authority_by_its_did_with_its_keys_and_says_when_to_refresh() throws IOException {
        JsonNode content = content(bundle());

        assertThat(content.path("type").asText()).isEqualTo("trust-bundle+jws");
        assertThat(content.findValuesAsText("code")).contains("TEST-A", "TEST-B", "TEST-SM2");
        JsonNode a = authority(content, ISSUER);
        assertThat(a.path("authorityDocument").asText()).isEqualTo("http://localhost:8081/api/v1/issuers/TEST-A");
        assertThat(a.path("keys").get(0).path("publicKeyJwk").path("crv").asText()).isEqualTo("Ed25519");
        assertThat(java.time.Instant.parse(content.path("nextUpdate").asText())).isAfter(java.time.Instant.parse(content.path("issuedAt").asText()));
        assertThat(content.path("statusLists").findValuesAsText("sha256")).allMatch(h -> h.matches("[0-9a-f]{64}"));
    }

    @Test
    void the_embedded_status_lists_are_the_ones_the_tokens_point_at_byte_for_byte() throws IOException {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(issued.getString("token").split("\\.")[1]));
        String uri = claims.at("/status/status_list/uri").asText();
        assertThat(uri).matches("http://localhost:8081/api/v1/status-lists/[0-9]+");

        Response served = given().when().get(uri.replace("http://localhost:8081", ""));
        JsonNode content = content(bundle());

        served.then().statusCode(200).contentType("application/statuslist+jwt").header("Cache-Control", "public, max-age=60");
        JsonNode embedded = null;
        for (JsonNode list : content.path("tokenStatusLists")) {
            if (list.path("uri").asText().equals(uri)) {
                embedded = list;
            }
        }
        assertThat(embedded).isNotNull();
        assertThat(embedded.path("statusListToken").asText()).isEqualTo(served.asString());
    }

    @Test
    void an_unchanged_bundle_answers_304_to_its_etag() {
        Response first = given().when().get("/api/v1/trust-bundle");
        first.then().statusCode(200).header("Cache-Control", "public, max-age=60");

        given().header("If-None-Match", first.header("ETag")).when().get("/api/v1/trust-bundle").then().statusCode(304);
        given().when().get("/api/v1/status-lists/999999999").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/status-lists/x").then().statusCode(404).contentType("application/problem+json");
    }

    private static String bundle() {
        return given().when().get("/api/v1/trust-bundle").then().statusCode(200).extract().asString();
    }

    private static JsonNode content(String bundle) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(JSON.readTree(bundle).path("payload").asText()));
    }

    private static JsonNode authority(JsonNode content, String did) {
        for (JsonNode a : content.path("authorities")) {
            if (a.path("id").asText().equals(did)) {
                return a;
            }
        }
        throw new AssertionError("no authority " + did + " in the bundle");
    }

    /** What the app pins from a bundle it fetched over TLS the first time: the trusted authority's public keys. */
    private static Path pinnedKeys(String bundle) {
        try {
            JsonNode keys = authority(content(bundle), ISSUER).path("keys");
            List<JsonNode> jwks = new java.util.ArrayList<>();
            keys.forEach(k -> jwks.add(k.path("publicKeyJwk")));
            Path file = Files.createTempFile("etitle-pinned-", ".json");
            Files.writeString(file, JSON.writeValueAsString(Map.of("keys", jwks)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String offline(String bundle, Path pinned, String token) {
        try {
            Path file = Files.createTempFile("etitle-bundle-", ".json");
            Files.writeString(file, bundle);
            Commands.Result result = Node.script("offline", "offline-verify.mjs", List.of(file.toString(), pinned.toString(), ISSUER, token));
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            JsonNode answer = JSON.readTree(result.stdout());
            System.out.println("offline verifier: " + answer);
            return answer.path("result").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void revoke(String number) {
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Map.of("reason", "FRAUD"))
                .post("/api/v1/certificates/" + number + "/revocation").then().statusCode(200);
    }
}
