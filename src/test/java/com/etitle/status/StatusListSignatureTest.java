package com.etitle.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.etitle.support.Api;
import com.etitle.support.OpenSsl;
import com.etitle.support.Requests;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** A published status list is checked by OpenSSL with the key from the JWKS, not by our own verifier. */
@QuarkusTest
class StatusListSignatureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void openssl_3_is_on_the_path() {
        OpenSsl.assertVersion3();
    }

    @Test
    void a_published_status_list_verifies_with_openssl_and_the_published_key() throws JsonProcessingException {
        assertThat(new OpenSsl(dir).verifyWithPublishedKey(list())).isEqualTo(OpenSsl.Verdict.VERIFIED);
    }

    @Test
    void openssl_rejects_a_status_list_with_one_bit_of_the_list_changed() throws JsonProcessingException {
        ObjectNode list = list();
        ObjectNode subject = (ObjectNode) list.get("credentialSubject");
        String encoded = subject.get("encodedList").asText();
        char last = encoded.charAt(encoded.length() - 2);
        subject.put("encodedList", encoded.substring(0, encoded.length() - 2) + (last == 'A' ? 'B' : 'A') + encoded.charAt(encoded.length() - 1));

        assertThat(new OpenSsl(dir).verifyWithPublishedKey(list)).isEqualTo(OpenSsl.Verdict.REJECTED);
    }

    private static ObjectNode list() throws JsonProcessingException {
        String url = Api.issue("TEST-A", Requests.engineer()).getString("credential.credentialStatus[0].statusListCredential");
        return (ObjectNode) JSON.readTree(given().get(url.replace("http://localhost:8081", "")).then().statusCode(200).extract().asString());
    }
}
