package com.etitle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ofdrw checker itself, before any OFD of ours relies on it: a file ofdrw makes and seals (GB/T 38540 v4, SM2) is
 * read back with its text, a valid seal and a page picture; one changed byte in the page content, or in the SM2
 * signature value, makes the seal invalid; a file that is not an OFD does not open. A checker that said "valid" to
 * everything, or saw no text, would fail here. The files are left in target/ofdrw-check to look at.
 */
class OfdrwCheckerTest {

    private static final Path WORK = Path.of("target", "ofdrw-check");
    private static final String SEAL_NAME = "电子职称证书测试专用章";
    private static final String CONTENT = "Doc_0/Pages/Page_0/Content.xml";

    private static Path sample;

    @BeforeAll
    static void sealed_sample_made_by_ofdrw() throws IOException {
        Files.createDirectories(WORK);
        Ofdrw.Sample made = Ofdrw.makeSample(WORK.resolve("sample.ofd"), "专业技术资格证书\n编号 20260001 测试样本", SEAL_NAME);
        assertThat(made.sealName()).isEqualTo(SEAL_NAME);
        sample = made.file();
    }

    @Test
    void a_sealed_sample_opens_with_its_chinese_text_a_valid_v4_seal_and_a_page_picture() throws IOException {
        Ofdrw.Report report = Ofdrw.check(sample, WORK.resolve("sample-page-1.png"));

        assertThat(report.opened()).as(report.json()).isTrue();
        assertThat(report.pages()).isEqualTo(1);
        assertThat(report.text()).contains("专业技术资格证书").contains("编号 20260001 测试样本");
        Ofdrw.Seal seal = report.onlySeal();
        assertThat(seal.valid()).as(report.json()).isTrue();
        assertThat(seal.error()).isNull();
        assertThat(seal.type()).isEqualTo("Seal");
        assertThat(seal.version()).isEqualTo("v4");
        assertThat(seal.name()).isEqualTo(SEAL_NAME);
        assertThat(seal.signer()).contains("CN=etitle test signer");
        assertThat(seal.signatureMethod()).as("SM3 with SM2").isEqualTo("1.2.156.10197.1.501");
        assertThat(seal.protectedFiles()).contains("/" + CONTENT, "/Doc_0/Document.xml", "/OFD.xml");
        assertThat(report.validator().valid()).as(report.json()).isTrue();

        assertThat(report.pngError()).isNull();
        assertThat(report.fontSubstitute()).as("the face's font draws the Chinese of a font the file does not embed")
                .endsWith("NotoSerifSC_400Regular.ttf");
        BufferedImage page = ImageIO.read(report.png().toFile());
        assertThat(page.getWidth()).as("A4 at 5 px/mm").isEqualTo(1050);
        assertThat(page.getHeight()).isEqualTo(1485);
        assertThat(count(page, OfdrwCheckerTest::dark)).as("dark pixels: the text is drawn").isGreaterThan(1_000);
        assertThat(count(page, OfdrwCheckerTest::red)).as("red pixels: the seal's picture is drawn").isGreaterThan(5_000);
    }

    @Test
    void one_changed_byte_in_the_page_content_makes_the_seal_invalid() {
        Path twin = Ofdrw.withEntryChanged(sample, CONTENT, OfdrwCheckerTest::changeNumber, WORK.resolve("content-changed.ofd"));

        Ofdrw.Report report = Ofdrw.check(twin, null);

        assertThat(report.opened()).as(report.json()).isTrue();
        assertThat(report.text()).as("the change is one the reader sees").contains("20260002").doesNotContain("20260001");
        Ofdrw.Seal seal = report.onlySeal();
        assertThat(seal.valid()).as(report.json()).isFalse();
        assertThat(seal.error()).contains(CONTENT);
        assertThat(report.validator().valid()).isFalse();
        assertThat(report.validator().error()).contains("FileIntegrityException").contains(CONTENT);
    }

    @Test
    void one_changed_byte_in_the_sm2_signature_value_makes_the_seal_invalid() {
        // the signed value (SES_Signature, no time stamp) ends with the signature: its last byte is the last of s
        Path twin = Ofdrw.withEntryChanged(sample, "Doc_0/Signs/Sign_0/SignedValue.dat", OfdrwCheckerTest::flipLastByte,
                WORK.resolve("signature-changed.ofd"));

        Ofdrw.Report report = Ofdrw.check(twin, null);

        assertThat(report.opened()).as(report.json()).isTrue();
        Ofdrw.Seal seal = report.onlySeal();
        assertThat(seal.name()).as("the seal is still read").isEqualTo(SEAL_NAME);
        assertThat(seal.valid()).as(report.json()).isFalse();
        assertThat(seal.error()).contains("InvalidSignedValueException");
        assertThat(report.validator().valid()).isFalse();
        assertThat(report.validator().error()).contains("InvalidSignedValueException");
    }

    @Test
    void a_file_that_is_not_an_ofd_does_not_open() throws IOException {
        Path pdf = Files.writeString(WORK.resolve("not-an-ofd.ofd"), "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << >> endobj\n%%EOF\n",
                StandardCharsets.ISO_8859_1);

        Ofdrw.Report report = Ofdrw.check(pdf, WORK.resolve("not-an-ofd.png"));

        assertThat(report.opened()).as(report.json()).isFalse();
        assertThat(report.error()).isNotBlank();
        assertThat(report.seals()).isEmpty();
        assertThat(report.png()).isNull();
    }

    /** 20260001 becomes 20260002: one byte, and the XML stays well formed. */
    private static byte[] changeNumber(byte[] content) {
        byte[] number = "20260001".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + number.length <= content.length; i++) {
            if (Arrays.equals(content, i, i + number.length, number, 0, number.length)) {
                byte[] changed = content.clone();
                changed[i + number.length - 1] = '2';
                return changed;
            }
        }
        throw new AssertionError("the page content has no 20260001");
    }

    private static byte[] flipLastByte(byte[] content) {
        byte[] changed = content.clone();
        changed[changed.length - 1] ^= 0x01;
        return changed;
    }

    private interface PixelTest {
        boolean test(int r, int g, int b);
    }

    private static long count(BufferedImage image, PixelTest test) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (test.test((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean dark(int r, int g, int b) {
        return r < 100 && g < 100 && b < 100;
    }

    private static boolean red(int r, int g, int b) {
        return r > 150 && g < 90 && b < 90;
    }
}
