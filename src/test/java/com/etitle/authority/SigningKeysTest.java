package com.etitle.authority;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Requests;
import com.etitle.support.TestEnvironment;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Key versions: rotation keeps old certificates verifiable, a compromised version stops verifying,
 * and only public halves are ever published. Rotation and compromise run on authorities no other test
 * class issues with (TEST-B, TEST-SM2) so the other tests keep a stable current key.
 */
@QuarkusTest
class SigningKeysTest {

    @Test
    void jwks_publishes_every_verifiable_key_with_kid_and_no_private_part() {
        JsonPath jwks = given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().jsonPath();
        List<Map<String, String>> keys = jwks.getList("keys");
        assertThat(keys).isNotEmpty();
        assertThat(keys).allSatisfy(k -> assertThat(k).containsKeys("kid", "kty", "x", "alg").doesNotContainKey("d"));
        assertThat(keys).anySatisfy(k -> assertThat(k).containsEntry("crv", "Ed25519").containsEntry("alg", "EdDSA"));
        assertThat(keys).anySatisfy(k -> assertThat(k).containsEntry("crv", "SM2").containsEntry("alg", "SM2SM3").containsKey("y"));
    }

    @Test
    void the_credential_verification_method_resolves_by_did_web_to_a_key_the_did_document_publishes() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        String method = issued.getString("credential.proof.verificationMethod");
        String did = method.substring(0, method.indexOf('#'));
        assertThat(did).isEqualTo(issued.getString("credential.issuer.id")).isEqualTo("did:web:localhost%3A8081:issuers:TEST-A");

        // did:web resolution: the segments after the host become the path, then /did.json
        JsonPath document = given().when().get("/issuers/TEST-A/did.json").then().statusCode(200).extract().jsonPath();
        assertThat(document.getString("id")).isEqualTo(did);
        assertThat(document.getList("@context")).containsExactly("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1");
        assertThat(document.getList("verificationMethod.id")).contains(method);
        assertThat(document.getList("assertionMethod")).contains(method);
        assertThat(document.getString("verificationMethod.find { it.id == '" + method + "' }.controller")).isEqualTo(did);
        assertThat(document.getString("verificationMethod.find { it.id == '" + method + "' }.publicKeyMultibase")).startsWith("z6Mk");
        assertThat(document.getList("alsoKnownAs")).containsExactly("http://localhost:8081/api/v1/issuers/TEST-A");
        assertThat(document.getMap("")).containsOnlyKeys("@context", "id", "alsoKnownAs", "verificationMethod", "assertionMethod");
    }

    @Test
    void the_authority_document_keeps_the_methods_that_proofs_made_before_the_dids_name_and_links_the_did() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        String kid = issued.getString("credential.proof.verificationMethod").replaceAll(".*#", "");
        String url = "http://localhost:8081/api/v1/issuers/TEST-A";

        JsonPath authority = given().when().get("/api/v1/issuers/TEST-A").then().statusCode(200).extract().jsonPath();

        assertThat(authority.getString("id")).isEqualTo(url);
        assertThat(authority.getList("alsoKnownAs")).containsExactly("did:web:localhost%3A8081:issuers:TEST-A");
        assertThat(authority.getList("@context")).containsExactly("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1",
                "http://localhost:8081/ns/authority/v1");
        assertThat(authority.getList("verificationMethod.id")).contains(url + "#" + kid);
        assertThat(authority.getList("assertionMethod")).contains(url + "#" + kid);
        assertThat(authority.getString("keys.find { it.kid == '" + kid + "' }.status")).isEqualTo("ACTIVE");
        assertThat(authority.getString("name")).isEqualTo("测试省人力资源和社会保障厅");
    }

    @Test
    void an_sm2_authoritys_did_document_names_the_context_of_its_json_web_keys() {
        JsonPath document = given().when().get("/issuers/TEST-SM2/did.json").then().statusCode(200).extract().jsonPath();

        assertThat(document.getList("@context")).contains("http://localhost:8081/ns/authority/v1");
        assertThat(document.getList("verificationMethod.type")).containsOnly("JsonWebKey");
        assertThat(document.getString("verificationMethod[0].publicKeyJwk.crv")).isEqualTo("SM2");
    }

    @Test
    void the_did_document_is_served_to_did_resolvers_asking_for_did_json_and_is_404_for_an_unknown_authority() {
        given().accept("application/did+json").when().get("/issuers/TEST-A/did.json").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo("did:web:localhost%3A8081:issuers:TEST-A"));
        given().when().get("/issuers/NOPE/did.json").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void an_unknown_issuer_code_is_a_404_problem() {
        given().when().get("/api/v1/issuers/NOPE").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void after_rotation_new_certificates_use_the_new_version_and_old_ones_still_verify() {
        JsonPath before = Api.issue("TEST-B", Requests.engineer());
        String oldKid = before.getString("keyId");

        String newKid = given().auth().oauth2(Tokens.issuer("TEST-B")).when().post("/api/v1/issuers/TEST-B/keys")
                .then().statusCode(201).extract().path("kid");
        assertThat(newKid).isNotEqualTo(oldKid);

        JsonPath after = Api.issue("TEST-B", Requests.engineer());
        assertThat(after.getString("keyId")).isEqualTo(newKid);
        assertThat(Api.verify(Map.of("token", before.getString("token"))).getString("result")).isEqualTo("VALID");
        assertThat(Api.verify(Map.of("credential", before.getMap("credential"))).getString("result")).isEqualTo("VALID");
        assertThat(Api.verify(Map.of("token", after.getString("token"))).getString("result")).isEqualTo("VALID");
    }

    @Test
    void an_issuer_cannot_rotate_another_authoritys_keys() {
        given().auth().oauth2(Tokens.issuer("TEST-A")).when().post("/api/v1/issuers/TEST-B/keys")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void a_compromised_version_no_longer_verifies_and_the_answer_says_so() {
        JsonPath issued = Api.issue("TEST-SM2", Requests.engineer());
        String kid = issued.getString("keyId");
        assertThat(Api.verify(Map.of("token", issued.getString("token"))).getString("result")).isEqualTo("VALID");

        given().auth().oauth2(Tokens.issuer("TEST-SM2")).when().post("/api/v1/issuers/TEST-SM2/keys/" + kid + "/compromise")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("COMPROMISED"));
        // a fresh version so the authority can keep issuing
        given().auth().oauth2(Tokens.issuer("TEST-SM2")).when().post("/api/v1/issuers/TEST-SM2/keys").then().statusCode(201);

        assertThat(Api.verify(Map.of("token", issued.getString("token"))).getString("result")).isEqualTo("KEY_COMPROMISED");
        assertThat(Api.verify(Map.of("credential", issued.getMap("credential"))).getString("result")).isEqualTo("KEY_COMPROMISED");
        List<String> published = given().when().get("/.well-known/jwks.json").then().extract().path("keys.kid");
        assertThat(published).doesNotContain(kid);
        List<String> methods = given().when().get("/issuers/TEST-SM2/did.json").then().extract().path("verificationMethod.id");
        assertThat(methods).noneMatch(m -> m.endsWith("#" + kid));
        JsonPath next = Api.issue("TEST-SM2", Requests.engineer());
        assertThat(next.getString("keyId")).isNotEqualTo(kid);
        assertThat(Api.verify(Map.of("token", next.getString("token"))).getString("result")).isEqualTo("VALID");
    }

    @Test
    void compromising_an_unknown_kid_is_a_404() {
        given().auth().oauth2(Tokens.issuer("TEST-B")).when().post("/api/v1/issuers/TEST-B/keys/TEST-A-k1/compromise")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void generated_private_keys_are_readable_by_the_owner_only() throws IOException {
        Path key = TestEnvironment.keysDir().resolve("TEST-A").resolve("v1.pem");
        assertThat(key).exists();
        assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(key.getParent())).doesNotContain(PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_READ);
    }

    @Test
    void no_public_answer_contains_private_key_material() {
        String issuers = given().when().get("/api/v1/issuers").then().statusCode(200).extract().asString();
        String jwks = given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        assertThat(issuers + jwks).doesNotContain("PRIVATE KEY").doesNotContain("\"d\"");
    }
}
