package com.etitle.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import com.etitle.certificate.Certificate;
import com.etitle.crypto.X509SigningKey;
import com.etitle.face.CertificateFaces;
import com.etitle.face.Face;
import com.etitle.face.FaceFont;
import com.etitle.face.FaceRenderer;
import com.etitle.face.FaceSigner;
import com.etitle.support.Api;
import com.etitle.support.IdCards;
import com.etitle.support.Pdfs;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The employer uploads the certificate's PDF on the verification page, with no script at all: the service checks the
 * authority's signature over the file, reads the token from the QR code on the page and answers the certificate's
 * status now, in words; any other file gets a page saying what is wrong with it, never a 5xx.
 */
@QuarkusTest
class VerifyPagePdfTest {

    private static final String ME = "/api/v1/me/certificates";
    private static final Path LOG_FILE = Path.of("target/etitle-test.log");

    @Inject
    CertificateFaces faces;

    @Test
    void the_page_offers_the_file_form_without_any_script() {
        String page = given().get("/verify?lang=en").asString();

        assertThat(page).contains("action=\"/verify/pdf?lang=en\"", "enctype=\"multipart/form-data\"", "name=\"pdf\"",
                "Verify by uploading the certificate");
    }

    @Test
    void the_holder_s_pdf_answers_valid_and_after_revocation_revoked_from_the_same_file() {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        String number = issued.getString("number");
        byte[] pdf = document(id, number);
        assertThat(pdf.length).as("a face is far below the upload limit").isLessThan((int) VerifyPagePdfLimit.MAX_BYTES / 2);

        Response valid = upload(pdf, "zh-CN");
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(valid.header("Cache-Control")).isEqualTo("no-store");
        assertThat(valid.asString()).contains("class=\"result valid\"", ">有效<", "张三", "高级工程师", number, "证书 PDF 文件（发证机关签名完好）")
                .doesNotContain(issued.getString("token"), issued.getString("verificationCode"));

        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType("application/json").body(Map.of("reason", "COURT_ORDER"))
                .post("/api/v1/certificates/" + number + "/revocation").then().statusCode(200);
        Response revoked = upload(pdf, "en");
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.asString()).contains("class=\"result invalid\"", "Revoked", "no longer proves the title", number);
    }

    @Test
    void one_changed_byte_a_changed_signature_or_bytes_added_after_signing_answer_that_the_file_was_altered() throws IOException {
        String id = IdCards.next();
        String number = Api.issue("TEST-A", Requests.with("holderIdNumber", id)).getString("number");
        byte[] pdf = document(id, number);

        byte[] contentByte = Pdfs.flipContentByte(pdf);
        byte[] certificateByte = flipSignatureHexDigit(pdf, 200);
        byte[] signatureValueByte = flipSignatureHexDigit(pdf, endOfCms(pdf) - 10);
        byte[] paddingByte = flipSignatureHexDigit(pdf, endOfCms(pdf) + 100);
        byte[] appended = concat(pdf, "\n% a later revision\n".getBytes(StandardCharsets.ISO_8859_1));

        long logBefore = Files.size(LOG_FILE);
        Map<String, byte[]> alterations = Map.of("a byte of the page's content", contentByte, "a byte of a certificate in the signature",
                certificateByte, "a byte of the signature value", signatureValueByte, "a byte of the signature's padding", paddingByte,
                "bytes added after the signature", appended);
        for (Map.Entry<String, byte[]> alteration : alterations.entrySet()) {
            Response page = upload(alteration.getValue(), "en");
            assertThat(page.statusCode()).as(alteration.getKey()).isEqualTo(422);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.asString()).as(alteration.getKey()).contains("class=\"result invalid\"", "Cannot verify: the file was altered")
                    .doesNotContain(number);
        }
        assertThat(upload(contentByte, "zh-CN").asString()).contains("无法核验：文件已被改动");
        nothingLoggedAsAnErrorSince(logBefore);
    }

    @Test
    void a_face_with_the_real_token_signed_by_another_key_of_the_same_name_is_not_ours() throws IOException {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        Face face = QuarkusTransaction.requiringNew().call(() -> faces.face(Certificate.findByNumber(number).orElseThrow()));
        Instant now = Instant.now();
        byte[] unsigned = new FaceRenderer(FaceFont.bundled()).render(face, now, ZoneId.of("Asia/Shanghai"));
        // a key whose certificates carry exactly the names of TEST-A's real ones
        byte[] forged = new FaceSigner(X509SigningKey.generate("TEST-A", face.authorityName(), now)).sign(unsigned, face.authorityName(), now,
                ZoneId.of("Asia/Shanghai"));

        long logBefore = Files.size(LOG_FILE);
        for (byte[] foreign : new byte[][] {forged, unsigned, blankPdf()}) {
            Response page = upload(foreign, "en");
            assertThat(page.statusCode()).isEqualTo(422);
            assertThat(page.asString()).contains("class=\"result invalid\"", "Cannot verify: not a certificate file of this service")
                    .doesNotContain(number);
        }
        nothingLoggedAsAnErrorSince(logBefore);
    }

    @Test
    void a_picture_a_text_an_empty_file_no_file_and_an_oversized_file_each_get_a_clear_page_and_nothing_is_logged_as_an_error()
            throws IOException {
        long logBefore = Files.size(LOG_FILE);
        byte[] png = pngOfOnePixel();

        Response picture = upload(png, "en");
        assertThat(picture.statusCode()).isEqualTo(415);
        assertThat(picture.asString()).contains("Cannot verify: not a PDF file");
        assertThat(upload("just some words".getBytes(StandardCharsets.UTF_8), "en").statusCode()).isEqualTo(415);

        Response empty = upload(new byte[0], "en");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("Please choose the certificate");
        Response noFile = post("other", "x.pdf", "%PDF-1.7".getBytes(StandardCharsets.ISO_8859_1), "en");
        assertThat(noFile.statusCode()).isEqualTo(400);
        Response notMultipart = given().contentType("application/x-www-form-urlencoded").formParam("pdf", "x").post("/verify/pdf?lang=en");
        assertThat(notMultipart.statusCode()).isBetween(400, 499);

        byte[] huge = new byte[(int) VerifyPagePdfLimit.MAX_BYTES + 1];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1), 0, huge, 0, 9);
        Response tooLarge = upload(huge, "zh-CN");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("text/html");
        assertThat(tooLarge.header("Content-Language")).isEqualTo("zh-CN");
        assertThat(tooLarge.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(tooLarge.asString()).contains("<html lang=\"zh-CN\">", "无法核验：文件太大", "256 KB");
        assertThat(upload(huge, "en").asString()).contains("Cannot verify: the file is too large");

        nothingLoggedAsAnErrorSince(logBefore);
    }

    /** The file posted as a browser posts the page's form: multipart/form-data with a Content-Length (never chunked). */
    /** What the service logged since {@code before} (a size of the test log) holds no error. */
    private static void nothingLoggedAsAnErrorSince(long before) throws IOException {
        byte[] all = Files.readAllBytes(LOG_FILE);
        String written = new String(all, (int) Math.min(before, all.length), (int) Math.max(0, all.length - before), StandardCharsets.UTF_8);
        assertThat(written).doesNotContain(" ERROR ").doesNotContain("Unhandled error");
    }

    private static Response upload(byte[] file, String lang) {
        return post("pdf", "certificate.pdf", file, lang);
    }

    private static Response post(String part, String filename, byte[] file, String lang) {
        String boundary = "----FormBoundary7MA4YWxkTrZu0gW";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return given().contentType("multipart/form-data; boundary=" + boundary).body(concat(concat(head, file), tail))
                .post("/verify/pdf?lang=" + lang);
    }

    private static byte[] document(String id, String number) {
        return given().auth().oauth2(Tokens.holder(id)).when().get(ME + "/" + number + "/document").then().statusCode(200).extract()
                .asByteArray();
    }

    /**
     * One hex digit of the signature's {@code /Contents}, the {@code digit}-th after its {@code <}, changed in place: in a
     * certificate the CMS carries, in the signature value, or in the zeros that pad the reserved room.
     */
    private static byte[] flipSignatureHexDigit(byte[] pdf, int digit) {
        int contents = contentsStart(pdf) + 1 + digit;
        byte[] flipped = pdf.clone();
        flipped[contents] = (byte) (flipped[contents] == '0' ? '1' : '0');
        return flipped;
    }

    /** The offset of the {@code <} that opens the signature's hex string: the end of the first signed range. */
    private static int contentsStart(byte[] pdf) {
        java.util.regex.Matcher range = java.util.regex.Pattern.compile("/ByteRange\\s*\\[\\s*0\\s+(\\d+)")
                .matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        assertThat(range.find()).as("the face has a /ByteRange").isTrue();
        return Integer.parseInt(range.group(1));
    }

    /** How many hex digits the CMS itself takes, from its outer DER length (the rest of the room is zeros). */
    private static int endOfCms(byte[] pdf) {
        int at = contentsStart(pdf) + 1;
        String hex = new String(pdf, at, 16, StandardCharsets.ISO_8859_1);
        int first = Integer.parseInt(hex.substring(2, 4), 16);
        assertThat(first).as("a definite long-form length").isBetween(0x81, 0x84);
        int count = first & 0x7f;
        int length = Integer.parseInt(hex.substring(4, 4 + 2 * count), 16);
        return 2 * (2 + count + length);
    }

    private static byte[] blankPdf() {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] pngOfOnePixel() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
