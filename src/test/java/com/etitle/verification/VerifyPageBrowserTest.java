package com.etitle.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.etitle.support.BrowserProfile;
import com.etitle.support.Certificates;
import com.etitle.support.Certificates.Held;
import com.etitle.support.Employer;
import com.etitle.support.KeptBrowsers;
import com.etitle.support.PublicUrlProfile;
import com.etitle.support.Qr;
import com.etitle.support.RealBrowser;
import com.etitle.support.RealBrowser.Screen;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The verification page as a person uses it, in Debian's Chromium driven by Selenium: typing what is printed on a
 * certificate, opening the link its QR code carries, with the keyboard alone, on a phone, switching language. Each
 * step leaves a screenshot, {@code target/screenshots/person-*.png}.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class VerifyPageBrowserTest {

    private static final KeptBrowsers BROWSERS = new KeptBrowsers();

    @Test
    void a_valid_a_revoked_and_a_voided_certificate_verified_by_the_form_each_say_what_they_are_and_what_to_do() {
        RealBrowser b = desktop();
        Held valid = Certificates.valid();
        Held revoked = Certificates.revoked();
        Held voided = Certificates.voided();

        Employer.verifiesByForm(b, "zh-CN", valid);
        b.screenshot("person-verify-valid-by-form-zh-CN");
        assertThat(b.find("#result").getAttribute("class")).contains("valid");
        assertThat(b.text("#verdict")).isEqualTo("有效");
        assertThat(b.text("#result")).contains(valid.holderName(), "高级工程师", valid.number(), "测试省人力资源和社会保障厅");
        assertThat(b.driver().getPageSource()).as("the code typed is not shown back").doesNotContain(valid.verificationCode());
        assertThat(b.path()).as("nothing personal in the address").isEqualTo("/verify");

        Employer.verifiesByForm(b, "zh-CN", revoked);
        b.screenshot("person-verify-revoked-by-form-zh-CN");
        assertThat(b.find("#result").getAttribute("class")).contains("invalid");
        assertThat(b.text("#verdict")).isEqualTo("已撤销");
        assertThat(b.text("#result")).contains("不能再证明", revoked.number());

        Employer.verifiesByForm(b, "en", voided);
        b.screenshot("person-verify-voided-by-form-en");
        assertThat(b.lang()).isEqualTo("en");
        assertThat(b.text("#verdict")).isEqualTo("Voided and replaced");
        assertThat(b.text("#result")).contains("Ask the holder for the new one", voided.number());
    }

    @Test
    void the_link_the_qr_code_on_the_face_encodes_opens_the_answer_at_once_and_leaves_no_token_in_the_address() {
        RealBrowser b = desktop();
        Held held = Certificates.valid();
        String link = Qr.decodeFace(Certificates.face(held));
        String fromTheApp = Qr.decode(given().auth().oauth2(Tokens.holder(held.holderIdNumber()))
                .get("/api/v1/me/certificates/" + held.number() + "/qr").then().statusCode(200).extract().asByteArray());
        assertThat(link).isEqualTo(fromTheApp).isEqualTo(PublicUrlProfile.publicUrl() + "/verify#token=" + held.token());

        Employer.opensTheLink(b, link);

        b.screenshot("person-verify-qr-link-of-the-face");
        assertThat(b.text("#verdict")).isEqualTo("有效");
        assertThat(b.text("#result")).contains(held.holderName(), held.number(), "二维码");
        assertThat((String) b.script("return location.href")).doesNotContain("token").doesNotContain(held.token().substring(0, 20));
        assertThat(b.driver().getPageSource()).doesNotContain(held.token());
        assertThat(b.focused().getAttribute("id")).as("the answer has the focus, so a screen reader reads it first").isEqualTo("result");
    }

    @Test
    void the_keyboard_alone_completes_a_verification_with_a_visible_focus_in_reading_order_that_lands_on_the_answer() {
        RealBrowser b = desktop();
        Held held = Certificates.valid();
        Employer.opensTheVerifyPage(b, "zh-CN");

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 10 && !"certificateNumber".equals(b.focused().getAttribute("id")); i++) {
            b.press(Keys.TAB);
            order.add(describe(b.focused()));
            assertVisibleFocus(b);
        }
        assertThat(order).containsExactly("a 核验证书", "a 评审委员会", "a 评审结果公示", "a 资格文件", "a 证书作废声明", "a English",
                "input certificateNumber");
        b.press(held.number(), Keys.TAB);
        assertThat(describe(b.focused())).isEqualTo("input holderName");
        b.press(held.holderName(), Keys.TAB);
        assertThat(describe(b.focused())).isEqualTo("input verificationCode");
        assertVisibleFocus(b);
        b.press(held.verificationCode(), Keys.TAB);
        assertThat(describe(b.focused())).isEqualTo("button 核验");
        assertVisibleFocus(b);
        b.enterAndWait();

        b.screenshot("person-verify-by-keyboard-answer-focused");
        assertThat(b.focused().getAttribute("id")).isEqualTo("result");
        assertVisibleFocus(b);
        assertThat(b.text("#verdict")).isEqualTo("有效");
        b.press(Keys.TAB);
        assertThat(describe(b.focused())).as("next after the answer: what to do next").isEqualTo("a 核验另一份证书");
    }

    @Test
    void the_language_switch_works_by_keyboard_and_by_click_and_the_page_declares_the_language_it_shows() {
        RealBrowser b = desktop();
        b.go("/verify");
        assertThat(b.lang()).as("the browser prefers Chinese").isEqualTo("zh-CN");
        assertThat(b.text("h1")).isEqualTo("职称电子证书核验");

        for (int i = 0; i < 6; i++) {
            b.press(Keys.TAB);
        }
        assertThat(describe(b.focused())).isEqualTo("a English");
        b.enterAndWait();
        b.screenshot("person-language-switched-to-english-by-keyboard");
        assertThat(b.lang()).isEqualTo("en");
        assertThat(b.text("h1")).isEqualTo("Verify a professional-title e-certificate");
        assertThat(b.path()).isEqualTo("/verify?lang=en");

        // the English page's form answers in English, then the switch (clicked) goes back to Chinese
        Held held = Certificates.valid();
        b.type("#certificateNumber", held.number()).type("#holderName", held.holderName()).type("#verificationCode", held.verificationCode())
                .clickAndWait("#code-form button[type=submit]");
        assertThat(b.lang()).isEqualTo("en");
        assertThat(b.text("#verdict")).isEqualTo("Valid");
        b.clickAndWait("header.site a.language");
        b.screenshot("person-language-switched-to-chinese-by-click");
        assertThat(b.lang()).isEqualTo("zh-CN");
        assertThat(b.text("h1")).isEqualTo("职称电子证书核验");
    }

    @Test
    void on_a_phone_the_form_verifies_and_the_answer_is_on_the_screen_at_once_without_sideways_scrolling() {
        RealBrowser b = phone();
        Held held = Certificates.valid();

        Employer.verifiesByForm(b, "zh-CN", held);

        b.screenshot("person-verify-valid-by-form-on-a-phone");
        assertThat(b.text("#verdict")).isEqualTo("有效");
        Number top = (Number) b.script("return document.getElementById('result').getBoundingClientRect().top");
        Number height = (Number) b.script("return window.innerHeight");
        assertThat(top.doubleValue()).as("the answer's top is within the screen").isBetween(0.0, height.doubleValue() - 40);
        assertThat(((Number) b.script("return document.documentElement.scrollWidth - window.innerWidth")).intValue()).isLessThanOrEqualTo(0);
    }

    /** The focused element as a person would name it: its tag and its id, or the words on it. */
    private static String describe(WebElement e) {
        String id = e.getAttribute("id");
        return e.getTagName() + " " + (id != null && !id.isEmpty() && !e.getTagName().equals("button") ? id : e.getText().strip());
    }

    /** The focused element shows a ring a sighted keyboard user can see (site.css: 3px solid). */
    private static void assertVisibleFocus(RealBrowser b) {
        WebElement e = b.focused();
        assertThat(e.getCssValue("outline-style")).as("outline of %s", describe(e)).isNotEqualTo("none");
        assertThat(e.getCssValue("outline-width")).as("outline of %s", describe(e)).isEqualTo("3px");
    }

    private static RealBrowser desktop() {
        return BROWSERS.on(Screen.DESKTOP);
    }

    private static RealBrowser phone() {
        return BROWSERS.on(Screen.PHONE);
    }

    @AfterAll
    static void close_the_browsers() {
        BROWSERS.closeAll();
    }
}
