package com.etitle.holder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Browser;
import com.etitle.support.IdCards;
import com.etitle.support.Ofds;
import com.etitle.support.Pdfs;
import com.etitle.support.Problems;
import com.etitle.support.Qr;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** What the app shows and prints: the QR code and the signed PDF face, fetched the way the app fetches them. */
@QuarkusTest
class HolderFormsTest {

    private static final String ME = "/api/v1/me/certificates";

    @Test
    void the_qr_code_decodes_to_the_signed_token_which_verifies_and_a_tampered_one_does_not() {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        Response qr = given().auth().oauth2(Tokens.holder(id)).when().get(ME + "/" + issued.getString("number") + "/qr");
        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(Problems.mediaType(qr)).isEqualTo("image/png");
        assertThat(qr.header("Cache-Control")).isEqualTo("no-store");

        // the link of the verification page with the token in its fragment; the API takes the link as scanned
        String scanned = Qr.decode(qr.asByteArray());
        assertThat(scanned).isEqualTo("http://localhost:8081/verify#token=" + issued.getString("token"));
        JsonPath answer = Api.verify(Map.of("token", scanned));
        assertThat(answer.getString("result")).isEqualTo("VALID");
        assertThat(answer.getString("certificate.certificateNumber")).isEqualTo(issued.getString("number"));

        // one character of the signed claims changed, as a forger editing the scanned text would
        String token = issued.getString("token");
        int at = token.indexOf('.') + 10;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        JsonPath refused = Api.verify(Map.of("token", tampered));
        assertThat(refused.getBoolean("valid")).isFalse();
        assertThat(refused.getString("result")).isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void the_document_is_a_signed_one_page_pdf_with_real_chinese_text_and_one_changed_byte_breaks_its_signature() {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        String number = issued.getString("number");
        Response response = given().auth().oauth2(Tokens.holder(id)).when().get(ME + "/" + number + "/document");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Problems.mediaType(response)).isEqualTo("application/pdf");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Content-Disposition")).isEqualTo("inline; filename=\"" + number + ".pdf\"");
        byte[] pdf = response.asByteArray();

        assertThat(Pdfs.pages(pdf)).isEqualTo(1);
        assertThat(Pdfs.text(pdf)).contains("张三", "高级工程师", number, issued.getString("verificationCode"), "测试省人力资源和社会保障厅");
        assertThat(Pdfs.signatureReport(pdf)).contains("Signature Validation: Signature is Valid.");
        assertThat(Pdfs.signatureReport(Pdfs.flipContentByte(pdf))).doesNotContain("Signature is Valid.")
                .containsAnyOf("Digest Mismatch", "Signature is Invalid");
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).as("no ID number in the file").doesNotContain(id);
    }

    @Test
    void the_document_is_the_sealed_ofd_when_the_app_asks_for_application_ofd_and_the_pdf_otherwise() {
        String id = IdCards.next();
        String number = Api.issue("TEST-A", Requests.with("holderIdNumber", id)).getString("number");

        Response ofd = given().auth().oauth2(Tokens.holder(id)).accept("application/ofd").when().get(ME + "/" + number + "/document");
        Response preferred = given().auth().oauth2(Tokens.holder(id)).accept("application/ofd, application/pdf;q=0.5").when()
                .get(ME + "/" + number + "/document");
        Response any = given().auth().oauth2(Tokens.holder(id)).accept("*/*").when().get(ME + "/" + number + "/document");

        assertThat(ofd.statusCode()).isEqualTo(200);
        assertThat(Problems.mediaType(ofd)).isEqualTo("application/ofd");
        assertThat(ofd.header("Vary")).contains("Accept");
        assertThat(ofd.header("Cache-Control")).isEqualTo("no-store");
        assertThat(ofd.header("Content-Disposition")).isEqualTo("inline; filename=\"" + number + ".ofd\"");
        assertThat(Ofds.pageText(ofd.asByteArray())).contains("张三", number);
        assertThat(Ofds.files(ofd.asByteArray())).containsKey("/Doc_0/Signs/Sign_0/SignedValue.dat");
        assertThat(new String(ofd.asByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1)).as("no ID number in the file")
                .doesNotContain(id);
        assertThat(Problems.mediaType(preferred)).isEqualTo("application/ofd");
        assertThat(Problems.mediaType(any)).isEqualTo("application/pdf");
        assertThat(any.header("Vary")).contains("Accept");
    }

    @Test
    void a_holder_fetching_documents_in_a_loop_is_slowed_down_with_429_and_retry_after() {
        String id = IdCards.next();
        String number = Api.issue("TEST-A", Requests.with("holderIdNumber", id)).getString("number");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(Tokens.holder(id)).when().get(ME + "/" + number + "/document").then().statusCode(200);
        }
        Response sixth = given().auth().oauth2(Tokens.holder(id)).when().get(ME + "/" + number + "/document");
        Problems.assertProblem(sixth, 429, "/problems/rate-limited");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 60L);
        // another holder is not affected
        String other = IdCards.next();
        String theirs = Api.issue("TEST-A", Requests.with("holderIdNumber", other)).getString("number");
        given().auth().oauth2(Tokens.holder(other)).when().get(ME + "/" + theirs + "/document").then().statusCode(200);
    }

    @Test
    void a_voided_certificate_s_document_says_so() {
        String id = IdCards.next();
        JsonPath approval = Api.issueAndReplace("TEST-A", Requests.with("holderIdNumber", id));
        byte[] pdf = given().auth().oauth2(Tokens.holder(id)).when().get(ME + "/" + approval.getString("certificateNumber") + "/document")
                .then().statusCode(200).extract().asByteArray();
        assertThat(Pdfs.text(pdf)).contains("已作废");
    }

    @Test
    void a_grant_s_qr_code_opens_its_share_link() {
        String id = IdCards.next();
        String number = Api.issue("TEST-A", Requests.with("holderIdNumber", id)).getString("number");
        JsonPath grant = given().auth().oauth2(Tokens.holder(id)).contentType(ContentType.JSON)
                .body(Map.of("verifierName", "某单位", "purpose", "入职", "validityDays", 7))
                .when().post(ME + "/" + number + "/grants").then().statusCode(201).extract().jsonPath();
        String qr = grant.getString("qr");
        assertThat(qr).startsWith("data:image/png;base64,");
        assertThat(Qr.decode(Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)))).isEqualTo(grant.getString("shareUrl"));
    }

    @Test
    void the_share_link_page_posts_the_fragment_code_to_the_verification_api() {
        Response page = given().when().get("/verify");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Problems.mediaType(page)).isEqualTo("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "connect-src 'self'");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void opening_the_share_link_in_a_browser_shows_the_certificate_with_the_grant_and_nothing_once_it_is_ended() {
        String id = IdCards.next();
        String number = Api.issue("TEST-A", Requests.with("holderIdNumber", id)).getString("number");
        JsonPath grant = given().auth().oauth2(Tokens.holder(id)).contentType(ContentType.JSON)
                .body(Map.of("verifierName", "示范市建筑工程有限公司", "purpose", "入职资格审核", "validityDays", 7))
                .when().post(ME + "/" + number + "/grants").then().statusCode(201).extract().jsonPath();
        // the link as shared, pointed at this test instance (the public URL names the production host)
        String link = grant.getString("shareUrl");
        String local = "http://localhost:" + io.restassured.RestAssured.port + link.substring(link.indexOf("/verify#"));

        // headless Chromium asks for English (Accept-Language en-US), so the page answers in English
        String dom = Browser.domAfterScripts(local);
        assertThat(dom).contains("class=\"result valid\"", ">Valid<", "张三", "高级工程师", number, "示范市建筑工程有限公司", "入职资格审核")
                .doesNotContain(grant.getString("code"));

        given().auth().oauth2(Tokens.holder(id)).when().delete(ME + "/" + number + "/grants/" + grant.getString("id")).then().statusCode(204);
        String after = Browser.domAfterScripts(local);
        assertThat(after).contains("class=\"result unknown\"", "Cannot verify").doesNotContain("张三", number);
    }

    @Test
    void the_link_a_qr_code_carries_opens_the_page_which_verifies_at_once_and_keeps_the_token_out_of_the_address() {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        String link = Qr.decode(given().auth().oauth2(Tokens.holder(id)).when().get(ME + "/" + issued.getString("number") + "/qr").asByteArray());
        // the link as printed, pointed at this test instance (the public URL names the production host)
        String local = "http://localhost:" + io.restassured.RestAssured.port + link.substring(link.indexOf("/verify#"));

        String dom = Browser.domAfterScripts(local);

        assertThat(dom).contains("class=\"result valid\"", ">Valid<", "张三", issued.getString("number"), "QR code")
                .doesNotContain(issued.getString("token"));
    }
}
