package com.etitle.verification;

import static com.etitle.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import com.etitle.support.Certificates;
import com.etitle.support.Certificates.Held;
import com.etitle.support.Ofds;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * {@code POST /api/v1/verifications} with a certificate face as the body: the sealed OFD ({@code application/ofd}) or
 * the signed PDF ({@code application/pdf}). The seal or signature must be the authority's and unaltered; the answer is
 * the certificate's status now, whatever the file says. Bad files are refused with problem+json, never a 5xx.
 */
@QuarkusTest
class FaceFileVerificationTest {

    private static final String OFD = "application/ofd";
    private static final String PAGE = "Doc_0/Pages/Page_0/Content.xml";

    @Test
    void the_holders_ofd_and_pdf_verify_as_valid_from_the_file_alone() {
        Held held = Certificates.valid();

        JsonPath fromOfd = send(OFD, ofd(held)).then().statusCode(200).extract().jsonPath();
        JsonPath fromPdf = send("application/pdf", Certificates.face(held)).then().statusCode(200).extract().jsonPath();

        for (JsonPath answer : new JsonPath[] {fromOfd, fromPdf}) {
            assertThat(answer.getString("result")).isEqualTo("VALID");
            assertThat(answer.getBoolean("valid")).isTrue();
            assertThat(answer.getString("certificate.certificateNumber")).isEqualTo(held.number());
            assertThat(answer.getString("certificate.holderName")).isEqualTo(held.holderName());
        }
    }

    @Test
    void a_validly_sealed_face_of_a_certificate_revoked_since_answers_not_valid() {
        Held held = Certificates.valid();
        byte[] ofd = ofd(held);
        Certificates.revoke(held);

        JsonPath answer = send(OFD, ofd).then().statusCode(200).extract().jsonPath();

        assertThat(answer.getString("result")).isEqualTo("CERTIFICATE_NOT_VALID");
        assertThat(answer.getBoolean("valid")).isFalse();
        assertThat(answer.getString("certificate.status")).isEqualTo("REVOKED");
    }

    @Test
    void one_changed_byte_in_the_page_or_the_seal_is_refused_as_altered() {
        Held held = Certificates.valid();
        byte[] ofd = ofd(held);

        byte[] page = Ofds.withEntryChanged(ofd, PAGE, content -> {
            String xml = new String(content, StandardCharsets.UTF_8);
            return xml.replaceFirst(held.number(), held.number().substring(0, 16) + (held.number().charAt(16) == '9' ? '8' : '9'))
                    .getBytes(StandardCharsets.UTF_8);
        });
        byte[] seal = Ofds.withEntryChanged(ofd, "Doc_0/Signs/Sign_0/SignedValue.dat", content -> {
            byte[] changed = content.clone();
            changed[changed.length - 1] ^= 0x01;
            return changed;
        });

        for (byte[] altered : new byte[][] {page, seal}) {
            JsonPath problem = assertProblem(send(OFD, altered), 422, "/problems/face-not-verifiable");
            assertThat(problem.getString("detail")).contains("changed since");
        }
        assertThat(send(OFD, ofd).statusCode()).as("the unchanged file still verifies").isEqualTo(200);
    }

    @Test
    void a_file_added_to_the_package_after_sealing_is_refused() throws IOException {
        Held held = Certificates.valid();
        ByteArrayOutputStream more = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ofd(held))); ZipOutputStream out = new ZipOutputStream(more)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("Doc_0/Res/extra.png"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }

        assertProblem(send(OFD, more.toByteArray()), 422, "/problems/face-not-verifiable");
    }

    @Test
    void empty_foreign_and_oversized_files_get_a_clear_refusal_never_a_5xx() throws IOException {
        JsonPath empty = assertProblem(send(OFD, new byte[0]), 422, "/problems/face-not-verifiable");
        assertThat(empty.getString("detail")).contains("empty");
        JsonPath notAFace = assertProblem(send(OFD, "just text".getBytes(StandardCharsets.UTF_8)), 422, "/problems/face-not-verifiable");
        assertThat(notAFace.getString("detail")).contains("neither a PDF nor an OFD");
        JsonPath foreign = assertProblem(send(OFD, zip("OFD.xml", "<ofd:OFD/>".getBytes(StandardCharsets.UTF_8))), 422,
                "/problems/face-not-verifiable");
        assertThat(foreign.getString("detail")).contains("not a certificate face");
        assertProblem(send("application/pdf", "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)), 422, "/problems/face-not-verifiable");
        assertProblem(send(OFD, new byte[512 * 1024 + 1]), 413, "/problems/payload-too-large");
        JsonPath chinese = given().header("Accept-Language", "zh-CN").contentType(OFD).body(new byte[0]).post("/api/v1/verifications")
                .then().statusCode(422).extract().jsonPath();
        assertThat(chinese.getString("detail")).contains("文件为空");
    }

    private static Response send(String mediaType, byte[] body) {
        return given().contentType(mediaType).body(body).when().post("/api/v1/verifications");
    }

    private static byte[] ofd(Held held) {
        return given().auth().oauth2(Tokens.holder(held.holderIdNumber())).accept(OFD).get("/api/v1/me/certificates/" + held.number() + "/document")
                .then().statusCode(200).extract().asByteArray();
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
