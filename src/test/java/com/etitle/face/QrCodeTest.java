package com.etitle.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Qr;
import com.etitle.support.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A phone scans the QR PNG, gets the compact token back and has it verified by the public endpoint. */
@QuarkusTest
class QrCodeTest {

    @Test
    void the_png_decodes_to_exactly_the_token_which_verifies() {
        String token = Api.issue("TEST-A", Requests.engineer()).getString("token");

        String scanned = Qr.decode(QrCodes.png(token));

        assertThat(scanned).isEqualTo(token);
        JsonPath answer = Api.verify(Map.of("token", scanned));
        assertThat(answer.getString("result")).isEqualTo("VALID");
        assertThat(answer.getString("certificate.holderName")).isEqualTo("张三");
    }

    @Test
    void a_scanned_token_with_one_character_changed_does_not_verify() {
        String token = Api.issue("TEST-A", Requests.engineer()).getString("token");
        String scanned = Qr.decode(QrCodes.png(token));

        String tampered = changeOneCharacterOfThePayload(scanned);

        assertThat(tampered).isNotEqualTo(token).hasSameSizeAs(token);
        JsonPath answer = Api.verify(Map.of("token", tampered));
        assertThat(answer.getString("result")).isNotEqualTo("VALID");
        assertThat(answer.getBoolean("valid")).isFalse();
    }

    @Test
    void an_sm2_token_scans_and_verifies_too() {
        String token = Api.issue("TEST-SM2", Requests.engineer()).getString("token");

        assertThat(Api.verify(Map.of("token", Qr.decode(QrCodes.png(token)))).getString("result")).isEqualTo("VALID");
    }

    @Test
    void the_png_is_black_on_white_with_a_quiet_zone_of_four_modules_of_at_least_four_pixels() throws Exception {
        String token = Api.issue("TEST-A", Requests.engineer()).getString("token");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(token)));
        int modules = QrCodes.modules(token).getWidth();

        assertThat(token.length()).as("token length").isBetween(300, 600);
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isEqualTo((modules + 2 * QrCodes.QUIET_ZONE) * QrCodes.MODULE_PIXELS);
        assertThat(QrCodes.MODULE_PIXELS).isGreaterThanOrEqualTo(4);
        int quiet = QrCodes.QUIET_ZONE * QrCodes.MODULE_PIXELS;
        for (int i = 0; i < image.getWidth(); i++) {
            assertThat(image.getRGB(i, quiet - 1) & 0xffffff).as("quiet zone at %d", i).isEqualTo(0xffffff);
        }
        // the finder pattern's top-left module is dark
        assertThat(image.getRGB(quiet, quiet) & 0xffffff).isZero();
    }

    /** A character of the claims (the middle part), replaced by another base64url character. */
    private static String changeOneCharacterOfThePayload(String token) {
        int dot = token.indexOf('.');
        int at = dot + (token.indexOf('.', dot + 1) - dot) / 2;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }
}
