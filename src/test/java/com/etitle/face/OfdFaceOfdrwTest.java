package com.etitle.face;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.IdCards;
import com.etitle.support.Ofdrw;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The OFD face as the reference open-source OFD library reads it: ofdrw 2.3.3, in a JVM of its own (see
 * {@link Ofdrw}), opens the file a holder downloads, finds the authority's GB/T 38540 electronic seal, verifies it,
 * and renders the page; one changed byte in the page or in the seal makes it refuse.
 */
@QuarkusTest
class OfdFaceOfdrwTest {

    private static final Path OUT = Path.of("target", "ofd-faces");
    private static final String PAGE = "Doc_0/Pages/Page_0/Content.xml";
    private static final String SIGNED_VALUE = "Doc_0/Signs/Sign_0/SignedValue.dat";

    private static Issued downloaded;

    record Issued(String number, String licenceId, Path ofd) {
    }

    /** One certificate for all the checks, downloaded by its holder on first use (the service runs by then). */
    private static synchronized Issued issued() throws IOException {
        if (downloaded != null) {
            return downloaded;
        }
        Files.createDirectories(OUT);
        String id = IdCards.next();
        JsonPath certificate = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        String number = certificate.getString("number");
        byte[] ofd = given().auth().oauth2(Tokens.holder(id)).accept("application/ofd")
                .when().get("/api/v1/me/certificates/" + number + "/document")
                .then().statusCode(200).contentType("application/ofd").extract().asByteArray();
        Path file = OUT.resolve("face-" + number + ".ofd");
        Files.write(file, ofd);
        downloaded = new Issued(number, certificate.getString("licenceId"), file);
        return downloaded;
    }

    @Test
    void ofdrw_opens_the_face_finds_the_authoritys_seal_and_verifies_it() throws IOException {
        Issued issued = issued();
        Ofdrw.Report report = Ofdrw.check(issued.ofd(), OUT.resolve("face-" + issued.number() + ".png"));

        assertThat(report.opened()).as("%s", report).isTrue();
        assertThat(report.pages()).isEqualTo(1);
        assertThat(report.text()).as("page text as ofdrw extracts it").contains("张三", issued.number(), "专业技术职务任职资格证书");
        Ofdrw.Seal seal = report.onlySeal();
        assertThat(seal.type()).isEqualTo("Seal");
        assertThat(seal.version()).as("GB/T 38540 version 4").isEqualTo("v4");
        assertThat(seal.signatureMethod()).as("SM3 with SM2").isEqualTo("1.2.156.10197.1.501");
        assertThat(seal.name()).as("the seal's name").contains("测试省人力资源和社会保障厅");
        assertThat(seal.protectedFiles()).as("the page is among what the seal protects").anyMatch(f -> f.endsWith(PAGE));
        assertThat(seal.valid()).as("ofdrw's verdict on the seal: %s", report).isTrue();
        assertThat(report.validator().valid()).as("OFDValidator on the whole document: %s", report).isTrue();
    }

    @Test
    void ofdrw_renders_the_page_with_the_holders_name_and_the_red_seal() throws IOException {
        Issued issued = issued();
        Path png = OUT.resolve("face-" + issued.number() + "-rendered.png");
        Ofdrw.Report report = Ofdrw.check(issued.ofd(), png);

        assertThat(report.pngError()).as("%s", report).isNull();
        BufferedImage page = ImageIO.read(png.toFile());
        assertThat(page.getWidth()).as("A4 landscape: wider than high").isGreaterThan(page.getHeight());
        int dark = 0;
        int red = 0;
        for (int y = 0; y < page.getHeight(); y += 2) {
            for (int x = 0; x < page.getWidth(); x += 2) {
                int rgb = page.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                dark += r < 90 && g < 90 && b < 90 ? 1 : 0;
                red += r > 150 && g < 90 && b < 90 ? 1 : 0;
            }
        }
        assertThat(dark).as("text drawn (dark pixels)").isGreaterThan(2_000);
        assertThat(red).as("the frame and the seal drawn in red").isGreaterThan(2_000);
        // the name is present as text on the page ofdrw drew (its text extraction of the same file)
        assertThat(report.text()).contains("张三");
    }

    @Test
    void one_changed_byte_in_the_page_makes_ofdrw_refuse_the_seal() throws IOException {
        Issued issued = issued();
        Path twin = Ofdrw.withEntryChanged(issued.ofd(), PAGE, content -> changeDigit(content, issued.number()),
                OUT.resolve("face-" + issued.number() + "-page-changed.ofd"));

        Ofdrw.Report report = Ofdrw.check(twin, null);

        assertThat(report.opened()).as("%s", report).isTrue();
        assertThat(report.onlySeal().valid()).as("seal over a changed page: %s", report).isFalse();
        assertThat(report.validator().valid()).isFalse();
    }

    @Test
    void one_changed_byte_in_the_seal_makes_ofdrw_refuse_it() throws IOException {
        Issued issued = issued();
        Path twin = Ofdrw.withEntryChanged(issued.ofd(), SIGNED_VALUE, content -> {
            byte[] changed = content.clone();
            changed[changed.length - 1] ^= 0x01;
            return changed;
        }, OUT.resolve("face-" + issued.number() + "-seal-changed.ofd"));

        Ofdrw.Report report = Ofdrw.check(twin, null);

        assertThat(report.onlySeal().valid()).as("changed signed value: %s", report).isFalse();
        assertThat(report.validator().valid()).isFalse();
    }

    /** The page with one digit of the certificate number changed: one byte, the file otherwise the same. */
    private static byte[] changeDigit(byte[] page, String number) {
        String xml = new String(page, StandardCharsets.UTF_8);
        int at = xml.indexOf(number);
        assertThat(at).as("the number is on the page as text").isGreaterThanOrEqualTo(0);
        byte[] changed = page.clone();
        int index = new String(page, StandardCharsets.UTF_8).substring(0, at).getBytes(StandardCharsets.UTF_8).length + number.length() - 1;
        changed[index] = (byte) (changed[index] == '9' ? '8' : changed[index] + 1);
        return changed;
    }
}
