package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.etitle.support.Axe;
import com.etitle.support.BrowserProfile;
import com.etitle.support.Certificates;
import com.etitle.support.Citizen;
import com.etitle.support.Committees;
import com.etitle.support.KeptBrowsers;
import com.etitle.support.Employer;
import com.etitle.support.Pdfs;
import com.etitle.support.Publicity;
import com.etitle.support.Qr;
import com.etitle.support.RealBrowser;
import com.etitle.support.RealBrowser.Screen;
import com.etitle.support.TestClock;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every page for people in every state a person can bring it to, in Chinese and English, on a desktop window and on
 * a phone, audited by axe-core in headless Chromium: no serious or critical violation; {@code <html lang>} says the
 * language the page is shown in; on a phone nothing is wider than the screen (WCAG 1.4.10 reflow). Minor and moderate
 * findings are printed, not failed. Each page and state is also left as a screenshot,
 * {@code target/screenshots/<state>-<lang>-<screen>.png}. A new page or state is one more {@link #state} line;
 * {@code -Dpages.only=<name prefixes>} audits only some.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class PageAccessibilityTest {

    private static final KeptBrowsers BROWSERS = new KeptBrowsers();
    private static final List<Axe.Audit> FINDINGS = new ArrayList<>();

    /** A page in one state: how a person brings it there in a language, and whether it is one of our own pages. */
    record State(String name, boolean ours, BiConsumer<RealBrowser, String> reach) {
    }

    private static State state(String name, BiConsumer<RealBrowser, String> reach) {
        return new State(name, true, reach);
    }

    static List<State> states() {
        return List.of(
                state("verify-empty", (b, lang) -> Employer.opensTheVerifyPage(b, lang)),
                state("verify-valid", (b, lang) -> Employer.verifiesByForm(b, lang, Certificates.valid())),
                state("verify-revoked", (b, lang) -> Employer.verifiesByForm(b, lang, Certificates.revoked())),
                state("verify-suspended", (b, lang) -> Employer.verifiesByForm(b, lang, Certificates.suspended())),
                state("verify-voided", (b, lang) -> Employer.verifiesByForm(b, lang, Certificates.voided())),
                state("verify-no-match", (b, lang) -> {
                    Certificates.Held held = Certificates.valid();
                    Employer.verifiesByForm(b, lang, held.number(), held.holderName(), "AAAAAAAA");
                }),
                state("verify-missing-fields", (b, lang) -> {
                    Employer.opensTheVerifyPage(b, lang);
                    b.type("#certificateNumber", "20261234567890123").clickAndWait("#code-form button[type=submit]");
                }),
                state("verify-too-many-attempts", (b, lang) -> {
                    Certificates.Held held = Certificates.valid();
                    for (int i = 0; i < BrowserProfile.BRAKE_PER_NUMBER; i++) {
                        given().contentType("application/json").body(Map.of("certificateNumber", held.number(), "holderName",
                                held.holderName(), "verificationCode", "AAAAAAAA")).post("/api/v1/verifications");
                    }
                    Employer.verifiesByForm(b, lang, held);
                }),
                state("verify-pdf-valid", (b, lang) -> {
                    Certificates.Held held = Certificates.valid();
                    Employer.verifiesByPdf(b, lang, Employer.saves(held.number() + ".pdf", Certificates.face(held)));
                }),
                state("verify-pdf-altered", (b, lang) -> {
                    Certificates.Held held = Certificates.valid();
                    Employer.verifiesByPdf(b, lang, Employer.saves(held.number() + "-altered.pdf", Pdfs.flipContentByte(Certificates.face(held))));
                }),
                state("verify-qr-picture", (b, lang) -> {
                    Certificates.Held held = Certificates.valid();
                    Employer.verifiesByPicture(b, lang, Employer.saves(held.number() + "-qr.png", Certificates.qr(held)));
                }),
                state("verify-token-not-ours", (b, lang) -> Employer.verifiesByToken(b, lang, "not-a-token")),
                state("verify-qr-link", (b, lang) -> Employer.opensTheLink(b, qrLink(lang))),
                state("verify-share-link", (b, lang) -> Employer.opensTheLink(b, Certificates.shareLink(Certificates.valid())
                        .replace("/verify#", "/verify?lang=" + lang + "#"))),
                state("committees", (b, lang) -> b.go("/committees?lang=" + lang)),
                state("committees-none-found", (b, lang) -> b.go("/committees?q=NOSUCHCOMMITTEE&lang=" + lang)),
                state("committees-invalid-filter", (b, lang) -> b.go("/committees?level=WIZARD&lang=" + lang)),
                state("committee", (b, lang) -> b.go("/committees/" + Committees.insert("TEST-A") + "?lang=" + lang)),
                state("committee-not-found", (b, lang) -> b.go("/committees/999999999?lang=" + lang)),
                state("void-notices", (b, lang) -> {
                    Certificates.voided();
                    Certificates.publishVoidNotice();
                    b.go("/void-notices?lang=" + lang);
                }),
                state("void-notices-invalid-page", (b, lang) -> b.go("/void-notices?page=x&lang=" + lang)),
                state("publicity-notices", (b, lang) -> {
                    Publicity.openAndClosed(clock());
                    b.go("/publicity-notices?lang=" + lang);
                }),
                state("publicity-notices-of-a-committee", (b, lang) -> b.go("/publicity-notices?committeeId="
                        + Publicity.openAndClosed(clock()).committee() + "&lang=" + lang)),
                state("publicity-notices-invalid-filter", (b, lang) -> b.go("/publicity-notices?state=maybe&lang=" + lang)),
                state("publicity-notice-open", (b, lang) -> b.go("/publicity-notices/" + Publicity.openAndClosed(clock()).open() + "?lang=" + lang)),
                state("publicity-notice-closed", (b, lang) -> b.go("/publicity-notices/" + Publicity.openAndClosed(clock()).closed() + "?lang=" + lang)),
                state("publicity-notice-not-found", (b, lang) -> b.go("/publicity-notices/999999999?lang=" + lang)),
                state("publicity-objection-filed", (b, lang) -> Citizen.objects(b, lang, Publicity.openAndClosed(clock()).open(), 2, "赵六",
                        "13912345678", Citizen.REASON)),
                state("publicity-objection-invalid", (b, lang) -> Citizen.objects(b, lang, Publicity.openAndClosed(clock()).open(), 2, "赵六",
                        "call me maybe", "太短了")),
                state("qualification-documents", (b, lang) -> {
                    Publicity.documentAfterItsNotice(clock(), Committees.insert("TEST-A"), Publicity.documentNumber());
                    b.go("/qualification-documents?lang=" + lang);
                }),
                state("qualification-documents-invalid-filter", (b, lang) -> b.go("/qualification-documents?year=abc&lang=" + lang)),
                state("qualification-document", (b, lang) -> b.go("/qualification-documents/" + Publicity.documentAfterItsNotice(clock(),
                        Committees.insert("TEST-A"), Publicity.documentNumber()) + "?lang=" + lang)),
                state("qualification-document-not-found", (b, lang) -> b.go("/qualification-documents/999999999?lang=" + lang)),
                new State("api-explorer", false, (b, lang) -> {
                    b.go("/q/swagger-ui/");
                    b.waitFor(".swagger-ui .opblock");
                }));
    }

    @TestFactory
    Stream<DynamicTest> every_page_and_state_has_no_serious_or_critical_violation_in_both_languages_on_desktop_and_phone() {
        List<DynamicTest> tests = new ArrayList<>();
        // -Dpages.only=void-notices,api-explorer audits only the states whose names start so, while fixing them
        List<String> only = List.of(System.getProperty("pages.only", "").split(","));
        for (State state : states()) {
            if (only.stream().noneMatch(state.name()::startsWith)) {
                continue;
            }
            for (Screen screen : Screen.values()) {
                for (String lang : state.ours() ? List.of("zh-CN", "en") : List.of("en")) {
                    String name = state.name() + "-" + lang + "-" + screen.name().toLowerCase();
                    tests.add(DynamicTest.dynamicTest(name, () -> audit(state, lang, screen, name)));
                }
            }
        }
        return tests.stream();
    }

    private static void audit(State state, String lang, Screen screen, String name) {
        try {
            auditAt(state, lang, screen, name);
        } finally {
            // the publicity states move the service's clock to when their notices are open or closed
            clock().reset();
        }
    }

    private static void auditAt(State state, String lang, Screen screen, String name) {
        RealBrowser browser = BROWSERS.on(screen);
        state.reach().accept(browser, lang);
        browser.screenshot(name);

        assertThat(browser.lang()).as("<html lang> of %s", name).isEqualTo(lang);
        if (state.ours()) {
            // the words shown are in the language the page declares: Han characters in Chinese, none in English
            String words = browser.text("main h1") + " " + browser.text("header.site nav");
            if (lang.equals("en")) {
                assertThat(browser.text("header.site nav")).as("navigation of %s", name).doesNotContainPattern("\\p{IsHan}");
            } else {
                assertThat(words).as("heading and navigation of %s", name).containsPattern("\\p{IsHan}");
            }
        }
        // our pages only: the API explorer is Swagger UI's desktop layout, which a phone shows zoomed out (it has no viewport meta)
        if (screen == Screen.PHONE && state.ours()) {
            // against the screen, not window.innerWidth: a phone widens its layout viewport to content wider than the page
            Number overflow = (Number) browser.script("return document.documentElement.scrollWidth - screen.width");
            assertThat(overflow.intValue()).as("%s wider than the phone's screen by", name).isLessThanOrEqualTo(0);
        }

        Axe.Audit audit = Axe.run(browser, name);
        synchronized (FINDINGS) {
            FINDINGS.add(audit);
        }
        assertThat(audit.blocking()).as("serious or critical axe violations on %s", audit).isEmpty();
    }

    /** The service's clock, which the publicity states set to a week whose notices they show. */
    private static TestClock clock() {
        return Arc.container().instance(TestClock.class).get();
    }

    /** The link the QR code on a fresh certificate's face encodes, opened in the language's page. */
    private static String qrLink(String lang) {
        String link = Qr.decodeFace(Certificates.face(Certificates.valid()));
        return link.replace("/verify#", "/verify?lang=" + lang + "#");
    }

    @AfterAll
    static void print_what_axe_found_below_serious_and_close_the_browsers() {
        StringBuilder report = new StringBuilder("axe-core findings below serious, by page and state:\n");
        FINDINGS.forEach(a -> report.append(a.others().isEmpty() ? "  " + a.page() + ": none\n"
                : "  " + new Axe.Audit(a.page(), a.others()) + "\n"));
        System.out.println(report);
        BROWSERS.closeAll();
    }
}
