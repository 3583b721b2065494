package com.etitle.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import com.etitle.support.BrowserProfile;
import com.etitle.support.Certificates;
import com.etitle.support.Certificates.Held;
import com.etitle.support.Employer;
import com.etitle.support.KeptBrowsers;
import com.etitle.support.Pdfs;
import com.etitle.support.PublicUrlProfile;
import com.etitle.support.RealBrowser;
import com.etitle.support.RealBrowser.Screen;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The verification page with the files a holder sends an employer, chosen in the page's file inputs in Debian's
 * Chromium driven by Selenium as a person chooses them: the certificate's signed PDF (as downloaded, with one byte
 * changed, and after the certificate was revoked) and a picture of its QR code. Screenshots:
 * {@code target/screenshots/person-verify-*-pdf-*.png} and {@code person-verify-*-qr-picture-*.png}.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class VerifyPageFileBrowserTest {

    private static final KeptBrowsers BROWSERS = new KeptBrowsers();

    @Test
    void the_holder_s_pdf_chosen_on_the_page_answers_valid_with_only_the_title_s_fields_and_a_copy_with_one_byte_changed_is_refused() {
        RealBrowser b = browser();
        Held held = Certificates.valid();
        byte[] face = Certificates.face(held);
        Path original = Employer.saves(held.number() + ".pdf", face);
        Path altered = Employer.saves(held.number() + "-altered.pdf", Pdfs.flipContentByte(face));

        Employer.verifiesByPdf(b, "zh-CN", original);

        b.screenshot("person-verify-valid-by-pdf-zh-CN");
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.find("#result").getAttribute("class")).contains("valid").doesNotContain("invalid");
        assertThat(b.text("#verdict")).isEqualTo("有效");
        assertThat(b.all("#result dt").stream().map(WebElement::getText).toList()).as("what the answer tells, and nothing more")
                .containsExactly("姓名", "资格名称", "层级", "系列 / 专业", "取得资格时间", "发证机关", "证书编号", "证照标识", "核验方式", "核验时间（北京时间）");
        assertThat(b.text("#result")).contains(held.holderName(), "高级工程师", held.number(), "测试省人力资源和社会保障厅",
                "证书 PDF 文件（发证机关签名完好）");
        assertThat(b.driver().getPageSource()).as("nothing the face carries beyond the answer").doesNotContain(held.holderIdNumber())
                .doesNotContain(held.verificationCode()).doesNotContain(held.token());
        assertThat(b.focused().getAttribute("id")).as("the answer has the focus").isEqualTo("result");

        Employer.verifiesByPdf(b, "zh-CN", altered);

        b.screenshot("person-verify-altered-pdf-refused-zh-CN");
        assertThat(b.status()).as("a refusal, not a server error").isEqualTo(422);
        assertThat(b.find("#result").getAttribute("class")).contains("invalid");
        assertThat(b.text("#verdict")).isEqualTo("无法核验：文件已被改动");
        assertThat(b.text("#result")).contains("哪怕只改了一个字节").doesNotContain(held.number()).doesNotContain("有效");
    }

    @Test
    void the_pdf_of_a_certificate_revoked_after_the_holder_downloaded_it_answers_revoked_in_both_languages() {
        RealBrowser b = browser();
        Held held = Certificates.valid();
        Path pdf = Employer.saves(held.number() + ".pdf", Certificates.face(held));
        Certificates.revoke(held);

        Employer.verifiesByPdf(b, "zh-CN", pdf);

        b.screenshot("person-verify-revoked-by-pdf-zh-CN");
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.find("#result").getAttribute("class")).contains("invalid");
        assertThat(b.text("#verdict")).isEqualTo("已撤销");
        assertThat(b.text("#result")).contains("不能再证明", held.number());

        Employer.verifiesByPdf(b, "en", pdf);

        b.screenshot("person-verify-revoked-by-pdf-en");
        assertThat(b.lang()).isEqualTo("en");
        assertThat(b.text("#verdict")).isEqualTo("Revoked");
        assertThat(b.text("#result")).contains("no longer proves the title", held.number());
    }

    @Test
    void a_picture_of_the_holder_s_qr_code_chosen_on_the_page_verifies_the_certificate_and_puts_no_token_in_the_address() {
        RealBrowser b = browser();
        Held held = Certificates.valid();
        Path picture = Employer.saves(held.number() + "-qr.png", Certificates.qr(held));

        Employer.verifiesByPicture(b, "en", picture);

        b.screenshot("person-verify-valid-by-qr-picture-en");
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.lang()).isEqualTo("en");
        assertThat(b.text("#verdict")).isEqualTo("Valid");
        assertThat(b.text("#result")).contains(held.holderName(), held.number(), "QR code");
        assertThat((String) b.script("return location.href")).as("the token went in a POST body, not in the address")
                .isEqualTo(PublicUrlProfile.publicUrl() + "/verify");
    }

    private static RealBrowser browser() {
        return BROWSERS.on(Screen.DESKTOP);
    }

    @AfterAll
    static void close_the_browser() {
        BROWSERS.closeAll();
    }
}
