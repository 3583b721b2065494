package com.etitle.publicity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.etitle.support.BrowserProfile;
import com.etitle.support.Citizen;
import com.etitle.support.KeptBrowsers;
import com.etitle.support.Publicity;
import com.etitle.support.Publicity.OpenAndClosed;
import com.etitle.support.RealBrowser;
import com.etitle.support.RealBrowser.Screen;
import com.etitle.support.TestClock;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The publicity notices as a citizen uses them in Debian's Chromium: finding an open notice in the list (and the ended one
 * of the same committee beside it), objecting to a
 * candidate with the keyboard alone and keeping the receipt; a reason too short sent back; a closed notice that takes no
 * objection. What was filed is read back as the notice's registrars read it, through the API. Screenshots:
 * {@code target/screenshots/person-publicity-*.png}.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class PublicityPortalBrowserTest {

    private static final String RECEIPT = "YY2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

    private static final KeptBrowsers BROWSERS = new KeptBrowsers();

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_citizen_opens_an_open_notice_from_the_list_objects_with_the_keyboard_alone_and_reads_the_receipt() {
        OpenAndClosed notices = Publicity.openAndClosed(clock);
        RealBrowser b = browser();

        b.go("/publicity-notices");
        b.screenshot("person-publicity-notices");
        assertThat(b.lang()).isEqualTo("zh-CN");
        assertThat(b.text("h1")).isEqualTo("职称评审结果公示");
        assertThat(b.text(card(notices.open()))).as("the newest notice comes first")
                .contains(notices.openTitle(), "公示中", "2026-03-09 09:00 至 2026-03-13，5 个工作日", "3 人");

        b.clickAndWait(card(notices.open()) + " p.hint a");
        b.screenshot("person-publicity-notices-of-the-committee");
        assertThat(b.text("#found")).startsWith("共 2 份公示");
        assertThat(b.text(card(notices.open()))).contains(notices.openTitle(), "公示中");
        assertThat(b.text(card(notices.closed()))).contains(notices.closedTitle(), "已结束", "2026-03-02 09:00 至 2026-03-06，5 个工作日");

        b.clickAndWait(card(notices.open()) + " h2 a");
        b.screenshot("person-publicity-notice-open");
        assertThat(b.text("h1")).isEqualTo(notices.openTitle());
        assertThat(b.text("#state")).isEqualTo("公示中");
        assertThat(b.text("#remaining")).isEqualTo("还剩 5 个工作日（含今天），2026-03-13 24:00（北京时间）截止");
        assertThat(b.text("section.notice table")).contains("张三", "李四", "王五", "测试省建筑设计研究院", "破格");

        // from the heading of the form on, the keyboard alone: the candidate by typing its number, then Tab from field to field
        b.find("label[for=entryPosition]").click();
        List<String> order = new ArrayList<>();
        order.add(b.focused().getAttribute("id"));
        b.press("2");
        b.press(Keys.TAB, "赵六");
        order.add(b.focused().getAttribute("id"));
        b.press(Keys.TAB, "139-1234-5678");
        order.add(b.focused().getAttribute("id"));
        b.press(Keys.TAB, Citizen.REASON);
        order.add(b.focused().getAttribute("id"));
        b.press(Keys.TAB);
        assertThat(order).containsExactly("entryPosition", "objectorName", "contact", "reason");
        assertThat(b.focused().getText()).isEqualTo("提交异议");
        assertThat(new Select(b.find("#entryPosition")).getFirstSelectedOption().getText()).startsWith("2. 李四");
        b.screenshot("person-publicity-objection-filled-in");
        b.enterAndWait();

        b.screenshot("person-publicity-objection-receipt");
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.text("h1")).isEqualTo("异议已受理");
        String receipt = b.text("#receipt-number");
        assertThat(receipt).matches(RECEIPT);
        assertThat(b.text("#receipt")).contains("2. 李四", "2026-03-09 10:00:00", notices.openTitle(), "已登记，待核查");
        assertThat(b.text("main")).contains("书面答复").doesNotContain("139-1234-5678");

        // the notice's registrars read the objection back through the API, as filed
        JsonPath objections = given().auth().oauth2(Tokens.withRole("registrar", "TEST-A"))
                .get("/api/v1/publicity-notices/" + notices.open() + "/objections").then().statusCode(200).extract().jsonPath();
        assertThat(objections.getList("receiptNumber")).containsExactly(receipt);
        assertThat(objections.getString("[0].objectorName")).isEqualTo("赵六");
        assertThat(objections.getString("[0].objectorContact")).isEqualTo("139-1234-5678");
        assertThat(objections.getInt("[0].entryPosition")).isEqualTo(2);
        assertThat(objections.getString("[0].reason")).isEqualTo(Citizen.REASON);
    }

    @Test
    void an_objection_with_too_short_a_reason_comes_back_with_the_field_marked_and_the_text_kept_and_nothing_is_filed() {
        OpenAndClosed notices = Publicity.openAndClosed(clock);
        RealBrowser b = browser();

        Citizen.objects(b, "en", notices.open(), 1, "赵六", "13912345678", "too short");

        b.screenshot("person-publicity-objection-refused-en");
        assertThat(b.status()).isEqualTo(422);
        assertThat(b.lang()).isEqualTo("en");
        assertThat(b.text("#problem")).isEqualTo("The objection was not filed; please correct what is marked.");
        assertThat(b.find("#reason").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.text("#reason-problem")).contains("10 to 2000 characters");
        assertThat(b.find("#reason").getAttribute("value")).as("the text typed is kept").isEqualTo("too short");
        assertThat(b.find("#contact").getAttribute("aria-invalid")).as("what was right is not marked").isNull();
        assertThat(new Select(b.find("#entryPosition")).getFirstSelectedOption().getAttribute("value")).isEqualTo("1");

        assertThat(given().auth().oauth2(Tokens.withRole("registrar", "TEST-A")).get("/api/v1/publicity-notices/" + notices.open() + "/objections")
                .then().statusCode(200).extract().jsonPath().getList("receiptNumber")).isEmpty();
    }

    @Test
    void a_closed_notice_opened_from_the_list_shows_its_candidates_but_takes_no_objection() {
        OpenAndClosed notices = Publicity.openAndClosed(clock);
        RealBrowser b = browser();

        b.go("/publicity-notices?lang=en");
        new Select(b.find("#state")).selectByValue("closed");
        b.clickAndWait("form.filters button[type=submit]");
        assertThat(b.has(card(notices.open()))).as("the filter leaves out the open notice").isFalse();
        b.clickAndWait(card(notices.closed()) + " h2 a");

        b.screenshot("person-publicity-notice-closed-en");
        assertThat(b.text("h1")).isEqualTo(notices.closedTitle());
        assertThat(b.text("#state")).isEqualTo("Ended");
        assertThat(b.text("#closed")).isEqualTo("This notice has ended; objections are no longer accepted.");
        assertThat(b.has("#objection")).isFalse();
        assertThat(b.text("section.notice table")).contains("张三", "李四", "王五");
    }

    /** The list's card of the notice, found by the link to it. */
    private static String card(long notice) {
        return "#notices li:has(a[href^='/publicity-notices/" + notice + "?'])";
    }

    private static RealBrowser browser() {
        return BROWSERS.on(Screen.DESKTOP);
    }

    @AfterAll
    static void close_the_browser() {
        BROWSERS.closeAll();
    }
}
