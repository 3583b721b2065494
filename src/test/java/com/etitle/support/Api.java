package com.etitle.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Calls the service the way its users do. */
public final class Api {

    private Api() {
    }

    /** Issues a certificate for the authority and returns the issuer's view of it. */
    public static JsonPath issue(String authority, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.issuer(authority)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/certificates")
                .then().statusCode(201).extract().jsonPath();
    }

    /** The holder's declaration as the tests file it. */
    public static final String DECLARATION = "本人所持职称证书不慎遗失,特此声明原证书作废,申请补办。";

    /** Files an application to replace the authority's certificate as lost; returns the PENDING application. */
    public static JsonPath applyForReissue(String authority, String number) {
        return given().auth().oauth2(Tokens.issuer(authority)).contentType(ContentType.JSON)
                .body(Map.of("certificateNumber", number, "reason", "LOST", "declaration", DECLARATION))
                .when().post("/api/v1/reissue-applications")
                .then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath approveReissue(String authority, long application) {
        return given().auth().oauth2(Tokens.issuer(authority))
                .when().post("/api/v1/reissue-applications/{id}/approval", application)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Issues a certificate and has it replaced as lost: the old one is voided and its declaration queued. Returns the approval. */
    public static JsonPath issueAndReplace(String authority, Map<String, Object> body) {
        String number = issue(authority, body).getString("number");
        return approveReissue(authority, applyForReissue(authority, number).getLong("id"));
    }

    public static JsonPath verify(Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/verifications")
                .then().statusCode(200).extract().jsonPath();
    }
}
