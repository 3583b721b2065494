package com.etitle.support;

/**
 * An employer at the verification page, doing what the page asks of a person: open it in a language, fill in a form,
 * press its button. Each step waits for the page it leads to, as a person waits to read it.
 */
public final class Employer {

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
}
