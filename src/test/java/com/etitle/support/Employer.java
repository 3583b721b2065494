package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An employer at the verification page, doing what the page asks of a person: open it in a language, fill in a form,
 * press its button. Each step waits for the page it leads to, as a person waits to read it.
 */
public final class Employer {

    /** Where the files a holder sends (a certificate's PDF, a picture of its QR code) are saved before they are chosen. */
    public static final Path RECEIVED = Path.of("target", "received-files");

    private Employer() {
    }

    /** Opens {@code /verify} in the language ({@code zh-CN} or {@code en}). */
    public static void opensTheVerifyPage(RealBrowser browser, String lang) {
        browser.go("/verify?lang=" + lang);
    }

    /** Types the number, name and code as printed on the face and presses 核验 / Verify. */
    public static void verifiesByForm(RealBrowser browser, String lang, String number, String name, String code) {
        opensTheVerifyPage(browser, lang);
        browser.type("#certificateNumber", number).type("#holderName", name).type("#verificationCode", code);
        browser.clickAndWait("#code-form button[type=submit]");
    }

    public static void verifiesByForm(RealBrowser browser, String lang, Certificates.Held held) {
        verifiesByForm(browser, lang, held.number(), held.holderName(), held.verificationCode());
    }

    /** Pastes what a QR scanner read into the token form and presses the button. */
    public static void verifiesByToken(RealBrowser browser, String lang, String scanned) {
        opensTheVerifyPage(browser, lang);
        browser.type("#token", scanned);
        browser.clickAndWait("#token-form button[type=submit]");
    }

    /** Opens a link (a QR code's, a share link) and waits until the page shows its answer. */
    public static void opensTheLink(RealBrowser browser, String link) {
        browser.go(link);
        browser.waitFor("#result");
    }

    /** Chooses the certificate's PDF the holder sent under "verify by uploading the certificate" and presses its button. */
    public static void verifiesByPdf(RealBrowser browser, String lang, Path pdf) {
        opensTheVerifyPage(browser, lang);
        browser.choose("#pdf", pdf).clickAndWait("#pdf-form button[type=submit]");
    }

    /**
     * Chooses a photo or screenshot of the certificate's QR code in the page's picture input: the page's script reads
     * the code and posts its token through the token form; waits until the answer is shown.
     */
    public static void verifiesByPicture(RealBrowser browser, String lang, Path picture) {
        opensTheVerifyPage(browser, lang);
        // the picture input is shown by the page's script, which reads the picture; without it there is nothing to choose
        browser.waitFor("#scan:not([hidden])");
        browser.chooseAndWait("#scan-image", picture);
        browser.waitFor("#result");
    }

    /** A file the holder sent, saved on the employer's computer under its name; returns where it is. */
    public static Path saves(String name, byte[] bytes) {
        try {
            Files.createDirectories(RECEIVED);
            return Files.write(RECEIVED.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
