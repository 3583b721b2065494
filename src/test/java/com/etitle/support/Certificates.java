package com.etitle.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Certificates in each state a person at the verification page can meet, made through the API as their authority
 * makes them: issued, revoked, suspended, or voided by a reissue. Each has its own holder, so the holder's QR code
 * and face can be fetched for it.
 */
public final class Certificates {

    /** What the holder has: the number, name and code printed on the face, the QR code's token, and their ID number. */
    public record Held(String number, String holderName, String verificationCode, String token, String holderIdNumber) {
    }

    private Certificates() {
    }

    public static Held valid() {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        return new Held(issued.getString("number"), issued.getString("holderName"), issued.getString("verificationCode"),
                issued.getString("token"), id);
    }

    public static Held revoked() {
        return revoke(valid());
    }

    /** Revokes the holder's certificate (a court order), as its authority does; a face downloaded before stays as it was. */
    public static Held revoke(Held held) {
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Map.of("reason", "COURT_ORDER"))
                .post("/api/v1/certificates/" + held.number() + "/revocation").then().statusCode(200);
        return held;
    }

    public static Held suspended() {
        Held held = valid();
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/certificates/" + held.number() + "/suspension").then().statusCode(200);
        return held;
    }

    /** Replaced as lost: this one is voided (and its declaration queued for the next void notice). */
    public static Held voided() {
        Held held = valid();
        Api.approveReissue("TEST-A", Api.applyForReissue("TEST-A", held.number()).getLong("id"));
        return held;
    }

    /** Publishes the authority's void notice of what is queued; returns its number. */
    public static String publishVoidNotice() {
        return given().auth().oauth2(Tokens.issuer("TEST-A")).post("/api/v1/void-notices").then().statusCode(201).extract()
                .path("noticeNumber");
    }

    /** The share link the holder makes for a verifier (a grant of 7 days), as the app shows it. */
    public static String shareLink(Held held) {
        return given().auth().oauth2(Tokens.holder(held.holderIdNumber())).contentType(ContentType.JSON)
                .body(Map.of("verifierName", "示范市建筑工程有限公司", "purpose", "入职资格审核", "validityDays", 7))
                .post("/api/v1/me/certificates/" + held.number() + "/grants").then().statusCode(201).extract().path("shareUrl");
    }

    /** The holder's signed PDF face, as their app fetches it. */
    public static byte[] face(Held held) {
        return given().auth().oauth2(Tokens.holder(held.holderIdNumber())).get("/api/v1/me/certificates/" + held.number() + "/document")
                .then().statusCode(200).extract().asByteArray();
    }

    /** The holder's QR code as a PNG, as their app shows it (and a photo or screenshot of it looks). */
    public static byte[] qr(Held held) {
        return given().auth().oauth2(Tokens.holder(held.holderIdNumber())).get("/api/v1/me/certificates/" + held.number() + "/qr")
                .then().statusCode(200).extract().asByteArray();
    }
}
