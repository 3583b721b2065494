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

    public static JsonPath verify(Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/verifications")
                .then().statusCode(200).extract().jsonPath();
    }
}
