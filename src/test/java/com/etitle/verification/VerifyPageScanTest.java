package com.etitle.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.DevTools;
import com.etitle.support.IdCards;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The QR code by picture and by camera, in a real headless Chromium under the page's policy: the page's script decodes
 * the picture with the decoder served from the jar and verifies the token through the token form; a picture without
 * a code, or no camera, gets a message on the page. The camera is Chromium's fake capture device playing a video of
 * the certificate's QR code, as a phone held over the printed certificate would see it.
 */
@QuarkusTest
class VerifyPageScanTest {

    private static final String VERDICT = "document.getElementById('verdict') ? document.getElementById('verdict').textContent : ''";
    private static final String MESSAGE = "document.getElementById('scan-message') ? document.getElementById('scan-message').textContent : ''";

    private Path folder;

    @AfterEach
    void cleanUp() throws IOException {
        if (folder != null) {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void the_decoder_is_served_from_the_jar_with_its_licence_and_may_be_cached_for_a_year() {
        Response verify = given().get("/verify");
        assertThat(verify.asString()).contains("data-decoder=\"/vendor/jsqr-1.4.0.js\"").containsPattern("<div id=\"scan\"[^>]* hidden");
        // the camera and the pictures work under the page's policy as it was (the browser tests below run under it)
        assertThat(verify.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self';")
                .doesNotContain("blob:", "mediastream:", "unsafe", "wasm");

        Response decoder = given().get("/vendor/jsqr-1.4.0.js");
        assertThat(decoder.statusCode()).isEqualTo(200);
        assertThat(decoder.contentType()).contains("javascript");
        assertThat(decoder.header("Cache-Control")).contains("max-age=31536000");
        assertThat(decoder.asString()).contains("jsQR");
        assertThat(given().get("/vendor/jsqr-1.4.0-LICENSE.txt").asString()).contains("Apache License");
    }

    @Test
    void a_photo_of_the_certificate_s_qr_code_chosen_on_the_page_verifies_the_certificate() throws IOException {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        Path picture = write("qr.png", holderQr(id, issued.getString("number")));

        try (DevTools browser = DevTools.open()) {
            browser.navigate(page("/verify?lang=en"));
            assertThat(browser.evaluate("String(document.getElementById('scan').hidden)")).isEqualTo("false");

            browser.chooseFile("#scan-image", picture);

            assertThat(browser.waitFor(VERDICT, Duration.ofSeconds(20))).isEqualTo("Valid");
            assertThat(browser.evaluate("document.getElementById('result').innerText")).contains(issued.getString("number"), "QR code");
            assertThat(browser.evaluate("location.href")).as("the token went in a POST body, not in an address")
                    .isEqualTo(page("/verify"));
        }
    }

    @Test
    void a_picture_without_a_qr_code_says_so_on_the_page_and_verifies_nothing() throws IOException {
        BufferedImage blank = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(100, 100, 200, 120);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(blank, "png", png);
        Path picture = write("no-code.png", png.toByteArray());
        Path text = write("notes.png", "not a picture".getBytes(StandardCharsets.UTF_8));

        try (DevTools browser = DevTools.open()) {
            browser.navigate(page("/verify?lang=en"));

            browser.chooseFile("#scan-image", picture);
            assertThat(browser.waitFor(state("no-code"), Duration.ofSeconds(20))).isEqualTo("shown");
            assertThat(browser.evaluate(MESSAGE)).contains("No QR code was found in this picture");

            browser.chooseFile("#scan-image", text);
            assertThat(browser.waitFor(state("unreadable"), Duration.ofSeconds(20))).isEqualTo("shown");
            assertThat(browser.evaluate(MESSAGE)).contains("not a picture the browser can open");
            assertThat(browser.evaluate(VERDICT)).isEmpty();
        }
    }

    @Test
    void the_camera_reads_the_certificate_s_qr_code_and_verifies_it() throws IOException {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        Path video = write("qr.y4m", y4m(holderQr(id, issued.getString("number"))));

        try (DevTools browser = DevTools.open("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video)) {
            browser.navigate(page("/verify?lang=zh-CN"));

            browser.evaluate("document.getElementById('scan-camera').click(), 'clicked'");

            assertThat(browser.waitFor(VERDICT, Duration.ofSeconds(30))).isEqualTo("有效");
            assertThat(browser.evaluate("document.getElementById('result').innerText")).contains(issued.getString("number"));
        }
    }

    @Test
    void without_a_camera_the_page_says_how_else_to_verify() {
        try (DevTools browser = DevTools.open()) {
            browser.navigate(page("/verify?lang=en"));

            browser.evaluate("document.getElementById('scan-camera').click(), 'clicked'");

            assertThat(browser.waitFor("['no-camera', 'denied'].includes(document.getElementById('scan-message').dataset.state) ? 'shown' : ''",
                    Duration.ofSeconds(20))).isEqualTo("shown");
            assertThat(browser.evaluate(MESSAGE)).containsAnyOf("The camera cannot be used",
                    "You did not allow this page to use the camera").contains("photo or screenshot");
            assertThat(browser.evaluate("String(document.getElementById('scan-video').hidden)")).isEqualTo("true");
        }
    }

    /** An expression that gives "shown" once the page's scan message is the one of this state. */
    private static String state(String state) {
        return "document.getElementById('scan-message').dataset.state === '" + state + "' ? 'shown' : ''";
    }

    private static byte[] holderQr(String id, String number) {
        return given().auth().oauth2(Tokens.holder(id)).when().get("/api/v1/me/certificates/" + number + "/qr").then().statusCode(200)
                .extract().asByteArray();
    }

    private static String page(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory("etitle-scan-");
        }
        return Files.write(folder.resolve(name), bytes);
    }

    /**
     * A short YUV4MPEG2 video (what Chromium's fake camera plays) of the QR code on a white 640x480 frame, in grey:
     * a 4:2:0 frame is the luma plane, then two chroma planes of a quarter size each, which grey leaves at 128.
     */
    private static byte[] y4m(byte[] qrPng) throws IOException {
        int width = 640;
        int height = 480;
        BufferedImage qr = ImageIO.read(new ByteArrayInputStream(qrPng));
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = frame.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        int side = 460;
        g.drawImage(qr, (width - side) / 2, (height - side) / 2, side, side, null);
        g.dispose();
        byte[] luma = ((java.awt.image.DataBufferByte) frame.getRaster().getDataBuffer()).getData();
        byte[] chroma = new byte[width / 2 * height / 2];
        java.util.Arrays.fill(chroma, (byte) 128);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (OutputStream o = out) {
            o.write(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 10; i++) {
                o.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                o.write(luma);
                o.write(chroma);
                o.write(chroma);
            }
        }
        return out.toByteArray();
    }
}
