package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.etitle.support.IdCards;
import com.etitle.support.Numbers;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * What the service writes to its log, read back from the file the test profile has it write
 * ({@code target/etitle-test.log}, our classes at DEBUG): no secret a caller handled ends up there, and no value a
 * caller chose can start a line of its own.
 */
@QuarkusTest
class LogLeakTest {

    private static final Path LOG_FILE = Path.of("target/etitle-test.log");
    private static final String FORGED = "2026-01-01 00:00:00,000 INFO  [com.etitle.audit] forged-line-" + System.nanoTime();

    @Test
    void no_id_number_token_grant_code_or_verification_code_reaches_the_log() throws IOException {
        List<String> secrets = new ArrayList<>();
        String idNumber = IdCards.next();
        String issuerToken = Tokens.issuer("TEST-A");
        String holderToken = Tokens.holder(idNumber);
        secrets.addAll(List.of(idNumber, issuerToken, holderToken));

        JsonPath issued = given().auth().oauth2(issuerToken).contentType(ContentType.JSON).body(Requests.with("holderIdNumber", idNumber))
                .when().post("/api/v1/certificates").then().statusCode(201).extract().jsonPath();
        String number = issued.getString("number");
        String code = issued.getString("verificationCode");
        String token = issued.getString("token");
        secrets.addAll(List.of(code, token));
        // an issuance refused for a bad ID number carries the number in the body too
        String badIdNumber = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? "2" : "1");
        secrets.add(badIdNumber);
        given().auth().oauth2(issuerToken).contentType(ContentType.JSON).body(Requests.with("holderIdNumber", badIdNumber))
                .when().post("/api/v1/certificates").then().statusCode(422);

        // verification in every form, right and wrong
        verify(Map.of("certificateNumber", number, "holderName", "张三", "verificationCode", code));
        String wrongCode = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
        secrets.add(wrongCode);
        verify(Map.of("certificateNumber", number, "holderName", "张三", "verificationCode", wrongCode));
        verify(Map.of("certificateNumber", Numbers.unknownLike(number), "holderName", "张三", "verificationCode", code));
        verify(Map.of("token", token));
        String tamperedToken = token.substring(0, token.length() - 4) + "AAAA";
        secrets.add(tamperedToken);
        verify(Map.of("token", tamperedToken));
        verify(Map.of("token", "not.a.token" + code));
        Map<?, ?> credential = new ObjectMapper().readValue(given().auth().oauth2(holderToken)
                .when().get("/api/v1/me/certificates/" + number + "/credential").then().statusCode(200).extract().asString(), Map.class);
        verify(Map.of("credential", credential));

        // the holder's side: grants made, used, listed and ended
        given().auth().oauth2(holderToken).when().get("/api/v1/me/certificates").then().statusCode(200);
        JsonPath grant = given().auth().oauth2(holderToken).contentType(ContentType.JSON)
                .body(Map.of("verifierName", "某单位", "purpose", "入职", "validityDays", 7))
                .when().post("/api/v1/me/certificates/" + number + "/grants").then().statusCode(201).extract().jsonPath();
        String grantCode = grant.getString("code");
        secrets.add(grantCode);
        verify(Map.of("grant", grantCode));
        String wrongGrant = (grantCode.charAt(0) == 'A' ? "B" : "A") + grantCode.substring(1);
        secrets.add(wrongGrant);
        verify(Map.of("grant", wrongGrant));
        given().auth().oauth2(holderToken).when().get("/api/v1/me/certificates/" + number + "/grants").then().statusCode(200);
        given().auth().oauth2(holderToken).when().get("/api/v1/me/certificates/" + number + "/verification-log").then().statusCode(200);
        given().auth().oauth2(holderToken).when().delete("/api/v1/me/certificates/" + number + "/grants/" + grant.getString("id"))
                .then().statusCode(204);
        verify(Map.of("grant", grantCode));
        // a token that fails authentication, and a 500 whose message carries a secret as careless code would write it
        given().auth().oauth2(issuerToken + "x").when().get("/api/v1/certificates/" + number).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("value", "")).when().post("/test-only/log-probe/{v}", "ok").then().statusCode(500);

        String log = Files.readString(LOG_FILE, StandardCharsets.UTF_8);
        assertThat(log).as("the run logged something to read").contains("probe formatted path ok");
        for (String secret : secrets) {
            assertThat(log).as("the log holds a secret of the run").doesNotContain(secret);
        }
    }

    @Test
    void a_line_break_in_a_path_or_a_json_value_cannot_start_a_log_line() throws IOException {
        // a line break in a path never reaches a resource or a log: ParameterGate refuses it first
        Response path = given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"value\":\"x\"}")
                .when().post("/test-only/log-probe/x%0D%0A" + URLEncoder.encode(FORGED + "-path", StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(path.statusCode()).isEqualTo(400);
        // one in a JSON value (letters and replies may hold line breaks) is logged, escaped, by the careless probe
        Response body = given().contentType(ContentType.JSON)
                .body("{\"value\":\"x\\r\\n" + FORGED + "-body\\u2028" + FORGED + "-sep\"}")
                .when().post("/test-only/log-probe/plain");
        assertThat(body.statusCode()).isEqualTo(500);

        List<String> lines = Files.readAllLines(LOG_FILE, StandardCharsets.UTF_8);
        List<String> carrying = lines.stream().filter(line -> line.contains(FORGED)).toList();
        assertThat(carrying).as("the message, the formatted message and the 500's exception were logged").hasSizeGreaterThanOrEqualTo(3);
        assertThat(carrying).allSatisfy(line -> assertThat(line).doesNotStartWith(FORGED).contains("x\\r\\n" + FORGED));
        assertThat(String.join("\n", carrying)).contains(FORGED + "-body\\u2028" + FORGED + "-sep").doesNotContain(FORGED + "-path");
    }

    @Test
    void a_value_without_control_characters_is_logged_as_it_is() throws IOException {
        String plain = "plain-value-" + System.nanoTime();
        Logger.getLogger(LogLeakTest.class).infof("a value %s and a tab-free text", plain);

        assertThat(Files.readString(LOG_FILE, StandardCharsets.UTF_8)).contains("a value " + plain + " and a tab-free text");
    }

    /** A verification as a verifier sends it; right or wrong, it is answered, never failed. */
    private static void verify(Map<String, Object> body) {
        int status = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/verifications").statusCode();
        assertThat(status).as("verification answer status").isLessThan(500);
    }
}
