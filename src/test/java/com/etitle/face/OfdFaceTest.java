package com.etitle.face;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.etitle.certificate.Certificate;
import com.etitle.certificate.LicenceId;
import com.etitle.crypto.KeyAlgorithm;
import com.etitle.support.Api;
import com.etitle.support.Ofds;
import com.etitle.support.OpenSsl;
import com.etitle.support.OpenSsl.Asn1;
import com.etitle.support.OpenSsl.Verdict;
import com.etitle.support.Problems;
import com.etitle.support.Qr;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The sealed OFD face of a certificate issued over HTTP, read back without the code that wrote it: the zip and the XML
 * with the JDK, the font with fontbox's parser, the QR code with ZXing, and the seal with the OpenSSL command line
 * (SM3 digests, the SM2 signature over TBS_Sign with the published seal certificate's key, the published chain).
 */
@QuarkusTest
class OfdFaceTest {

    @Inject
    CertificateFaces faces;

    @TempDir
    Path dir;

    private OpenSsl openssl;

    @BeforeAll
    static void openssl_3_is_on_the_path() {
        OpenSsl.assertVersion3();
    }

    @BeforeEach
    void openssl_works_in_the_temporary_folder() {
        openssl = new OpenSsl(dir);
    }

    @Test
    void the_ofd_is_a_zip_of_well_formed_ofd_parts_whose_entry_names_the_document_and_the_seal() {
        byte[] ofd = ofd(Api.issue("TEST-A", Requests.engineer()).getString("number"));

        Map<String, byte[]> files = Ofds.files(ofd);
        assertThat(files.keySet()).contains("/OFD.xml", "/Doc_0/Document.xml", "/Doc_0/PublicRes.xml", "/Doc_0/DocumentRes.xml",
                "/Doc_0/Pages/Page_0/Content.xml", "/Doc_0/Signs/Signatures.xml", "/Doc_0/Signs/Sign_0/Signature.xml",
                "/Doc_0/Signs/Sign_0/SignedValue.dat", "/Doc_0/Signs/Sign_0/Seal.esl");
        files.forEach((path, content) -> {
            if (path.endsWith(".xml")) {
                assertThat(Ofds.xml(content).getDocumentElement().getNamespaceURI()).as(path).isEqualTo(Ofds.NAMESPACE);
            }
        });
        Element root = Ofds.xml(files.get("/OFD.xml")).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("OFD");
        assertThat(root.getAttribute("DocType")).isEqualTo("OFD");
        assertThat(text(files.get("/OFD.xml"), "DocRoot")).isEqualTo("Doc_0/Document.xml");
        assertThat(text(files.get("/OFD.xml"), "Signatures")).isEqualTo("/Doc_0/Signs/Signatures.xml");
        Element signature = Ofds.elements(Ofds.xml(files.get("/Doc_0/Signs/Signatures.xml")), "Signature").get(0);
        assertThat(signature.getAttribute("Type")).isEqualTo("Seal");
        assertThat(signature.getAttribute("BaseLoc")).isEqualTo("/Doc_0/Signs/Sign_0/Signature.xml");
        assertThat(text(files.get("/Doc_0/Document.xml"), "PhysicalBox")).isEqualTo("0 0 297 210");
    }

    @Test
    void the_page_prints_the_holder_the_qualification_the_number_and_the_code_as_text_and_the_qr_code_as_an_image() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());

        byte[] ofd = ofd(issued.getString("number"));

        assertThat(Ofds.pageText(ofd)).contains("张三", "高级工程师", issued.getString("number"), issued.getString("verificationCode"),
                "副高级", "全省范围有效", "2026年6月18日", "发证机关：测试省人力资源和社会保障厅", "扫码验证", FaceLayout.TITLE)
                .doesNotContain("已撤销", "已作废", "已暂停");
        Map<String, byte[]> files = Ofds.files(ofd);
        Element image = Ofds.elements(Ofds.xml(files.get("/Doc_0/Pages/Page_0/Content.xml")), "ImageObject").get(0);
        Element media = Ofds.elements(Ofds.xml(files.get("/Doc_0/DocumentRes.xml")), "MultiMedia").get(0);
        assertThat(media.getAttribute("ID")).isEqualTo(image.getAttribute("ResourceID"));
        assertThat(media.getAttribute("Format")).isEqualTo("PNG");
        byte[] png = files.get("/Doc_0/Res/" + media.getElementsByTagNameNS(Ofds.NAMESPACE, "MediaFile").item(0).getTextContent());
        assertThat(Qr.decode(png)).isEqualTo("http://localhost:8081/verify#token=" + issued.getString("token"));
    }

    @Test
    void the_entry_carries_the_metadata_of_an_electronic_licence() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());

        byte[] ofd = ofd(issued.getString("number"));

        Map<String, String> metadata = Ofds.elements(Ofds.xml(Ofds.files(ofd).get("/OFD.xml")), "CustomData").stream()
                .collect(Collectors.toMap(e -> e.getAttribute("Name"), Element::getTextContent));
        LicenceId id = LicenceId.parse(issued.getString("licenceId")).orElseThrow();
        assertThat(metadata).containsEntry("证照名称", "专业技术职务任职资格证书").containsEntry("证照标识", issued.getString("licenceId"))
                .containsEntry("持证主体", "张三").containsEntry("颁发机构", "测试省人力资源和社会保障厅")
                .containsEntry("颁发机构代码", id.issuerCode()).containsEntry("证照类型代码", id.typeCode())
                .containsEntry("有效期", "长期").containsKey("颁发日期");
        assertThat(id.issuerCode()).as("the authority's unified social credit code").hasSize(18);
        assertThat(metadata.get("颁发日期")).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void the_font_is_an_embedded_subset_that_maps_every_character_the_page_prints() throws Exception {
        byte[] ofd = ofd(Api.issue("TEST-A", Requests.engineer()).getString("number"));
        Map<String, byte[]> files = Ofds.files(ofd);
        Element font = Ofds.elements(Ofds.xml(files.get("/Doc_0/PublicRes.xml")), "Font").get(0);
        byte[] file = files.get("/Doc_0/Res/" + font.getElementsByTagNameNS(Ofds.NAMESPACE, "FontFile").item(0).getTextContent());

        TrueTypeFont subset = new TTFParser().parse(new RandomAccessReadBuffer(file));

        assertThat(file.length).as("bytes of the subset (the whole font is 15 MB)").isLessThan(100_000);
        assertThat(subset.getNumberOfGlyphs()).isLessThan(400);
        Set<Integer> printed = Ofds.pageText(ofd).codePoints().filter(cp -> cp != '\n').boxed().collect(Collectors.toSet());
        assertThat(printed).allSatisfy(cp -> assertThat(subset.getUnicodeCmapLookup().getGlyphId(cp))
                .as("glyph of %s", Character.toString(cp)).isNotZero());
        assertThat(ofd.length).as("bytes of the OFD").isLessThan(300_000);
    }

    @Test
    void openssl_computes_the_sm3_digest_that_signature_xml_lists_for_every_other_file() {
        Map<String, byte[]> files = Ofds.files(ofd(Api.issue("TEST-A", Requests.engineer()).getString("number")));
        Document signature = Ofds.xml(files.get("/Doc_0/Signs/Sign_0/Signature.xml"));

        assertThat(Ofds.elements(signature, "References").get(0).getAttribute("CheckMethod")).isEqualTo("1.2.156.10197.1.401");
        Map<String, String> listed = references(signature);
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(files.keySet().stream()
                .filter(path -> !path.equals("/Doc_0/Signs/Sign_0/Signature.xml") && !path.equals("/Doc_0/Signs/Sign_0/SignedValue.dat"))
                .toList());
        listed.forEach((path, digest) -> assertThat(Base64.getDecoder().decode(digest)).as(path)
                .isEqualTo(openssl.digest(KeyAlgorithm.SM2, files.get(path))));
    }

    @Test
    void a_changed_byte_of_the_page_no_longer_has_the_digest_signature_xml_lists() {
        Map<String, byte[]> files = Ofds.files(ofd(Api.issue("TEST-A", Requests.engineer()).getString("number")));
        byte[] page = files.get("/Doc_0/Pages/Page_0/Content.xml").clone();
        // the holder's name, 张三 becoming 张 and another character
        page[indexOf(page, "张三".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + 5] ^= 0x01;

        String listed = references(Ofds.xml(files.get("/Doc_0/Signs/Sign_0/Signature.xml"))).get("/Doc_0/Pages/Page_0/Content.xml");
        assertThat(Base64.getDecoder().decode(listed)).isNotEqualTo(openssl.digest(KeyAlgorithm.SM2, page));
    }

    @Test
    void openssl_verifies_the_seal_over_signature_xml_with_the_published_seal_certificate_and_rejects_a_changed_signature_xml() {
        Map<String, byte[]> files = Ofds.files(ofd(Api.issue("TEST-A", Requests.engineer()).getString("number")));
        byte[] signed = files.get("/Doc_0/Signs/Sign_0/SignedValue.dat");
        List<Asn1> top = fields(signed);
        byte[] toSign = top.get(0).in(signed);
        List<Asn1> tbs = fields(toSign);
        byte[] leaf = publishedSealChain("TEST-A").get(0);

        assertThat(top.get(1).content(signed)).as("the signer's certificate is the published one").isEqualTo(leaf);
        assertThat(top.get(2).value()).isEqualTo("SM2-with-SM3");
        assertThat(tbs.get(1).in(toSign)).as("the seal in TBS_Sign is Seal.esl").isEqualTo(files.get("/Doc_0/Signs/Sign_0/Seal.esl"));
        assertThat(tbs.get(4).value()).isEqualTo("/Doc_0/Signs/Sign_0/Signature.xml");
        byte[] dataHash = bits(tbs.get(3).content(toSign));
        assertThat(dataHash).isEqualTo(openssl.digest(KeyAlgorithm.SM2, files.get("/Doc_0/Signs/Sign_0/Signature.xml")));
        assertThat(openssl.verifySm2Der(openssl.publicKeyOfCertificate(leaf), toSign, bits(top.get(3).content(signed))))
                .isEqualTo(Verdict.VERIFIED);

        byte[] changed = files.get("/Doc_0/Signs/Sign_0/Signature.xml").clone();
        changed[changed.length - 30] ^= 0x01;
        assertThat(dataHash).isNotEqualTo(openssl.digest(KeyAlgorithm.SM2, changed));
    }

    @Test
    void the_stamp_annotation_puts_the_seal_on_the_page_over_the_issuing_authority() {
        Map<String, byte[]> files = Ofds.files(ofd(Api.issue("TEST-A", Requests.engineer()).getString("number")));
        Element stamp = Ofds.elements(Ofds.xml(files.get("/Doc_0/Signs/Sign_0/Signature.xml")), "StampAnnot").get(0);
        Element page = Ofds.elements(Ofds.xml(files.get("/Doc_0/Document.xml")), "Page").get(0);

        assertThat(stamp.getAttribute("PageRef")).isEqualTo(page.getAttribute("ID"));
        double[] box = Arrays.stream(stamp.getAttribute("Boundary").split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertThat(box[2]).isEqualTo(42);
        assertThat(box[3]).isEqualTo(42);
        assertThat(box[0]).isBetween(180.0, 297 - 42.0);
        assertThat(box[1]).isBetween(105.0, 210 - 42.0);
        assertThat(text(files.get("/Doc_0/Signs/Sign_0/Signature.xml"), "BaseLoc")).isEqualTo("/Doc_0/Signs/Sign_0/Seal.esl");
    }

    @Test
    void a_revoked_certificate_s_ofd_is_still_sealed_and_says_it_is_revoked() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Map.of("reason", "FRAUD"))
                .post("/api/v1/certificates/" + number + "/revocation").then().statusCode(200);

        byte[] ofd = ofd(number);

        assertThat(Ofds.pageText(ofd)).contains("证书状态：已撤销", "已撤销");
        Element mark = Ofds.elements(Ofds.xml(Ofds.files(ofd).get("/Doc_0/Pages/Page_0/Content.xml")), "TextObject").stream()
                .filter(e -> e.getTextContent().equals("已撤销")).findFirst().orElseThrow();
        assertThat(mark.getAttribute("Alpha")).as("translucent").isNotEmpty();
        assertThat(mark.getAttribute("CTM")).as("turned").isNotEmpty();
        assertThat(Ofds.files(ofd)).containsKey("/Doc_0/Signs/Sign_0/SignedValue.dat");
    }

    @Test
    void openssl_verifies_the_published_seal_chain_and_not_against_another_authority_s_seal_root() {
        List<byte[]> chain = publishedSealChain("TEST-A");
        List<byte[]> other = publishedSealChain("TEST-B");

        assertThat(chain).hasSize(2);
        assertThat(openssl.verifyCertificate(pem(chain.get(1)), pem(chain.get(0)))).isEqualTo(Verdict.VERIFIED);
        assertThat(openssl.verifyCertificate(pem(other.get(1)), pem(chain.get(0)))).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void the_seal_chain_of_an_unknown_authority_is_not_found() {
        Problems.assertProblem(given().get("/api/v1/issuers/NO-SUCH/seal-certificates"), 404, "/problems/not-found");
    }

    private byte[] ofd(String number) {
        return QuarkusTransaction.requiringNew().call(() -> faces.sealedOfd(faces.face(Certificate.findByNumber(number).orElseThrow())));
    }

    private static List<byte[]> publishedSealChain(String authority) {
        String pem = given().get("/api/v1/issuers/" + authority + "/seal-certificates").then().statusCode(200)
                .contentType(FaceSigningChainResource.PEM_CHAIN).extract().asString();
        return Arrays.stream(pem.split("-----END CERTIFICATE-----")).filter(block -> block.contains("BEGIN"))
                .map(block -> Base64.getMimeDecoder().decode(block.substring(block.indexOf("-----BEGIN CERTIFICATE-----") + 27)))
                .toList();
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    private static Map<String, String> references(Document signature) {
        return Ofds.elements(signature, "Reference").stream().collect(Collectors.toMap(e -> e.getAttribute("FileRef"),
                e -> e.getElementsByTagNameNS(Ofds.NAMESPACE, "CheckValue").item(0).getTextContent()));
    }

    private static String text(byte[] xml, String element) {
        return Ofds.elements(Ofds.xml(xml), element).get(0).getTextContent();
    }

    private List<Asn1> fields(byte[] der) {
        return openssl.asn1(der).stream().filter(e -> e.depth() == 1).toList();
    }

    /** A BIT STRING's content without its count of unused bits (0). */
    private static byte[] bits(byte[] content) {
        assertThat(content[0]).isZero();
        return Arrays.copyOfRange(content, 1, content.length);
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
