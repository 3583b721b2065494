package com.etitle.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

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
                "/credentials/verify:");
    }
}
