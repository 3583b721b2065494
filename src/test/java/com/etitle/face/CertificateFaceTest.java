package com.etitle.face;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.etitle.certificate.Certificate;
import com.etitle.support.Api;
import com.etitle.support.Pdfs;
import com.etitle.support.Problems;
import com.etitle.support.Qr;
import com.etitle.support.Requests;
import com.etitle.support.TestClock;
import com.etitle.support.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The signed PDF face of a certificate issued over HTTP, read back with poppler (pdftotext, pdfsig, pdffonts,
 * pdftoppm) rather than with the PDFBox that wrote it.
 */
@QuarkusTest
class CertificateFaceTest {

    private static final String VALID_SIGNATURE = "Signature Validation: Signature is Valid.";

    @Inject
    CertificateFaces faces;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_document_is_one_page_whose_text_names_the_holder_the_qualification_the_number_and_the_code() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());

        byte[] pdf = document(issued.getString("number"));

        String text = Pdfs.text(pdf);
        assertThat(text).contains("张三", "高级工程师", issued.getString("number"), issued.getString("verificationCode"),
                "副高级", "工程", "建筑设计", "全省范围有效", "2026年6月18日", "测试省人力资源和社会保障厅", "扫码验证",
                "证照标识", issued.getString("licenceId"));
        assertThat(issued.getString("licenceId")).startsWith("1.2.156.3005.2.").contains(issued.getString("number"));
        assertThat(text).doesNotContain("已撤销", "已作废", "已暂停");
        assertThat(Pdfs.pages(pdf)).isEqualTo(1);
    }

    @Test
    void the_document_embeds_a_small_subset_of_the_cjk_font() {
        byte[] pdf = document(Api.issue("TEST-A", Requests.engineer()).getString("number"));

        String fonts = Pdfs.fonts(pdf);
        assertThat(fonts).containsPattern("(?m)^[A-Z]{6}\\+NotoSerifSC-Regular\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes");
        assertThat(fonts.lines().filter(line -> line.contains("yes")).count()).as("one font, embedded\n%s", fonts).isEqualTo(1);
        assertThat(pdf.length).as("bytes").isLessThan(300_000);
    }

    @Test
    void pdfsig_reports_the_signature_valid_and_covering_the_whole_document() {
        byte[] pdf = document(Api.issue("TEST-A", Requests.engineer()).getString("number"));

        String report = Pdfs.signatureReport(pdf);
        assertThat(report).contains(VALID_SIGNATURE, "Signature Type: ETSI.CAdES.detached", "Signing Hash Algorithm: SHA-256",
                "Total document signed", "O=测试省人力资源和社会保障厅");
    }

    @Test
    void pdfsig_reports_the_signature_invalid_when_one_byte_of_the_page_content_is_changed() {
        byte[] pdf = document(Api.issue("TEST-A", Requests.engineer()).getString("number"));

        byte[] tampered = Pdfs.flipContentByte(pdf);

        assertThat(tampered).hasSameSizeAs(pdf).isNotEqualTo(pdf);
        String report = Pdfs.signatureReport(tampered);
        assertThat(report).contains("Signature Validation:").doesNotContain(VALID_SIGNATURE);
        assertThat(report).containsAnyOf("Digest Mismatch", "Signature is Invalid");
    }

    @Test
    void the_signature_shows_the_authority_s_seal_in_red_over_the_issuing_authority_and_nowhere_else() throws Exception {
        byte[] pdf = document(Api.issue("TEST-A", Requests.engineer()).getString("number"));

        // poppler draws the signature widget's appearance; 72 dpi makes one pixel a point, y counted from the top
        java.awt.image.BufferedImage page = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Pdfs.firstPagePng(pdf, 72)));
        float[] box = FaceLayout.sealBox(42, 42);
        int top = Math.round(FaceLayout.PAGE_HEIGHT - box[1] - box[3]);
        assertThat(sealRed(page, Math.round(box[0]), top, Math.round(box[2]), Math.round(box[3])))
                .as("seal-red pixels in the seal's box").isGreaterThan(1000);
        assertThat(sealRed(page, 300, top, Math.round(box[2]), Math.round(box[3]))).as("seal-red pixels left of it").isZero();
        assertThat(Pdfs.signatureReport(pdf)).contains(VALID_SIGNATURE);
    }

    /** Pixels of the seal's bright red (the face's own red is darker) in a box of the page. */
    private static int sealRed(java.awt.image.BufferedImage page, int x, int y, int width, int height) {
        int count = 0;
        for (int py = y; py < y + height; py++) {
            for (int px = x; px < x + width; px++) {
                int rgb = page.getRGB(px, py);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (r > 190 && g < 90 && b < 90) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void the_qr_code_printed_on_the_page_opens_the_verification_page_with_the_certificate_token() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        String link = "http://localhost:8081/verify#token=" + issued.getString("token");

        // the link (about 550 characters: the page's address and the token with the issuer's DID and its status
        // reference) is a version-18 code at error correction M, 89 modules across the printed 150 pt (0.59 mm each); a
        // 150 dpi raster gives 3.5 anti-aliased pixels a module, which the decoder reads only for some codes, 200 dpi
        // gives 4.7 — still far fewer than a phone camera sees
        byte[] page = Pdfs.firstPagePng(document(issued.getString("number")), 200);

        assertThat(Qr.decode(page)).isEqualTo(link);
        int modules = QrCodes.modules(link).getWidth();
        System.out.printf("face QR: %d characters, version %d, %d modules, %.2f mm a module across 150 pt%n", link.length(),
                (modules - 17) / 4, modules, 150 / 72.0 * 25.4 / modules);
    }

    @Test
    void an_sm2_authority_s_documents_are_signed_with_its_ecdsa_document_chain_and_verify() {
        JsonPath issued = Api.issue("TEST-SM2", Requests.engineer());

        byte[] pdf = document(issued.getString("number"));

        assertThat(Pdfs.signatureReport(pdf)).contains(VALID_SIGNATURE, "CN=TEST-SM2 document signing", "O=国密省人力资源和社会保障厅");
        assertThat(Pdfs.text(pdf)).contains("国密省人力资源和社会保障厅", "张三");
    }

    @Test
    void a_revoked_certificate_s_document_is_still_signed_and_says_it_is_revoked() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Map.of("reason", "FRAUD"))
                .post("/api/v1/certificates/" + number + "/revocation").then().statusCode(200);

        byte[] pdf = document(number);

        assertThat(Pdfs.text(pdf)).contains("证书状态：已撤销");
        assertThat(Pdfs.signatureReport(pdf)).contains(VALID_SIGNATURE);
    }

    @Test
    void a_document_is_signed_by_the_chain_the_authority_publishes() throws Exception {
        byte[] pdf = document(Api.issue("TEST-A", Requests.engineer()).getString("number"));

        List<X509Certificate> published = published("TEST-A");

        assertThat(published).hasSize(2);
        X509Certificate root = published.get(1);
        assertThat(root.getBasicConstraints()).as("root is a CA").isGreaterThanOrEqualTo(0);
        published.get(0).verify(root.getPublicKey());
        assertThat(signerOf(pdf)).isEqualTo(published.get(0));
    }

    @Test
    void another_authority_s_chain_is_not_the_one_that_signed() throws Exception {
        byte[] pdf = document(Api.issue("TEST-A", Requests.engineer()).getString("number"));

        assertThat(signerOf(pdf)).isNotEqualTo(published("TEST-B").get(0));
    }

    @Test
    void the_chain_of_an_unknown_authority_is_not_found() {
        Problems.assertProblem(given().get("/api/v1/issuers/NO-SUCH/document-certificates"), 404, "/problems/not-found");
    }

    @Test
    void two_renders_at_the_same_time_are_the_same_bytes_and_a_later_one_differs() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        clock.set(Instant.parse("2026-07-01T02:00:00Z"));

        byte[] first = document(number);
        byte[] second = document(number);
        clock.set(Instant.parse("2026-07-01T02:00:01Z"));
        byte[] later = document(number);

        assertThat(second).isEqualTo(first);
        assertThat(later).isNotEqualTo(first);
        assertThat(Pdfs.signatureReport(later)).contains("Signing Time: Jul 01 2026");
    }

    private byte[] document(String number) {
        return QuarkusTransaction.requiringNew().call(() -> faces.signedPdf(Certificate.findByNumber(number).orElseThrow()));
    }

    private static List<X509Certificate> published(String authority) throws GeneralSecurityException {
        String pem = given().get("/api/v1/issuers/" + authority + "/document-certificates").then().statusCode(200)
                .contentType(FaceSigningChainResource.PEM_CHAIN).extract().asString();
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem.getBytes()))
                .stream().map(X509Certificate.class::cast).toList();
    }

    /** The certificate the CMS signer info names, read from the PDF's signature dictionary. */
    private static X509Certificate signerOf(byte[] pdf) throws IOException, GeneralSecurityException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            byte[] contents = doc.getLastSignatureDictionary().getContents();
            // the Contents string is zero-padded to its reserved size: read the one DER object at its start
            CMSSignedData cms = new CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(
                    new org.bouncycastle.asn1.ASN1InputStream(contents).readObject()));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            var holder = (org.bouncycastle.cert.X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (org.bouncycastle.cms.CMSException e) {
            throw new AssertionError("the signature is not CMS", e);
        }
    }
}
