package com.etitle.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.etitle.support.BrowserProfile;
import com.etitle.support.KeptBrowsers;
import com.etitle.support.RealBrowser;
import com.etitle.support.RealBrowser.Screen;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The committee directory as a person uses it in Debian's Chromium: filling in the filter form, paging forward and
 * back, opening one committee, switching language. Screenshots: {@code target/screenshots/person-committees-*.png}.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class CommitteePortalBrowserTest {

    private static final KeptBrowsers BROWSERS = new KeptBrowsers();

    @Test
    void a_person_filters_the_directory_pages_through_it_opens_one_committee_and_switches_language() {
        String region = Committees.unique("翻页区");
        for (int i = 0; i < 22; i++) {
            Committees.file("TEST-A", Committees.with(Committees.with(Committees.body(), "region", region), "name",
                    String.format("翻页测试工程系列评审委员会%02d", i)));
        }
        Committees.file("TEST-A", Committees.with(Committees.with(Committees.with(Committees.body(), "region", region), "status", "REVOKED"),
                "name", "已撤销的翻页测试委员会"));
        RealBrowser b = browser();

        b.go("/committees");
        b.type("#region", region);
        new Select(b.find("#status")).selectByValue("ACTIVE");
        b.clickAndWait("form.filters button[type=submit]");

        b.screenshot("person-committees-filtered-page-1");
        assertThat(b.text("#found")).startsWith("共 22 个");
        List<String> first = names(b);
        assertThat(first).hasSize(20).allMatch(n -> n.startsWith("翻页测试工程系列评审委员会"));
        assertThat(b.has("a[rel=prev]")).isFalse();
        assertThat(b.find("#region").getAttribute("value")).as("the filter stays filled in").isEqualTo(region);

        b.clickAndWait("a[rel=next]");
        b.screenshot("person-committees-filtered-page-2");
        List<String> second = names(b);
        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first).noneMatch(n -> n.contains("已撤销"));
        assertThat(b.has("a[rel=next]")).isFalse();
        assertThat(new Select(b.find("#status")).getFirstSelectedOption().getAttribute("value")).isEqualTo("ACTIVE");

        b.clickAndWait("a[rel=prev]");
        assertThat(names(b)).isEqualTo(first);

        String chosen = first.get(3);
        b.clickAndWait("#committees li:nth-child(4) h2 a");
        b.screenshot("person-committee-opened-from-the-list");
        assertThat(b.text("h1")).isEqualTo(chosen);
        assertThat(b.text("main dl")).contains(region, "测试省住房和城乡建设厅");

        b.clickAndWait("header.site a.language");
        b.screenshot("person-committee-in-english");
        assertThat(b.lang()).isEqualTo("en");
        assertThat(b.text("main")).contains("Specialties evaluated", chosen);
    }

    private static List<String> names(RealBrowser b) {
        return b.all("#committees li h2").stream().map(WebElement::getText).toList();
    }

    private static RealBrowser browser() {
        return BROWSERS.on(Screen.DESKTOP);
    }

    @AfterAll
    static void close_the_browser() {
        BROWSERS.closeAll();
    }
}
