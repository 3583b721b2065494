package com.etitle.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import com.etitle.support.BrowserProfile;
import com.etitle.support.Committees;
import com.etitle.support.KeptBrowsers;
import com.etitle.support.Publicity;
import com.etitle.support.RealBrowser;
import com.etitle.support.RealBrowser.Screen;
import com.etitle.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The qualification documents as a person uses them in Debian's Chromium: searching by a document number's words and a
 * year, paging forward and back (20 a page), opening one document, switching it to English. Screenshots:
 * {@code target/screenshots/person-qualification-*.png}.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class QualificationPortalBrowserTest {

    private static final KeptBrowsers BROWSERS = new KeptBrowsers();

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_person_searches_the_documents_pages_through_them_opens_one_and_switches_it_to_english() {
        long committee = Committees.insert("TEST-A");
        String batch = "测人社职〔2026〕翻页" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 21; i++) {
            Publicity.documentAfterItsNotice(clock, committee, String.format("%s-%02d号", batch, i));
        }
        clock.reset();
        RealBrowser b = browser();

        b.go("/qualification-documents");
        b.type("#q", batch).type("#year", "2026");
        b.clickAndWait("form.filters button[type=submit]");

        b.screenshot("person-qualification-documents-found-page-1");
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.text("#found")).startsWith("共 21 份文件");
        List<String> first = numbers(b);
        assertThat(first).hasSize(20).allMatch(n -> n.startsWith(batch));
        assertThat(b.has("a[rel=prev]")).isFalse();
        assertThat(b.find("#q").getAttribute("value")).as("the search stays filled in").isEqualTo(batch);

        b.clickAndWait("a[rel=next]");
        b.screenshot("person-qualification-documents-found-page-2");
        List<String> second = numbers(b);
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first).allMatch(n -> n.startsWith(batch));
        assertThat(b.has("a[rel=next]")).isFalse();
        assertThat(b.find("#year").getAttribute("value")).isEqualTo("2026");

        b.clickAndWait("a[rel=prev]");
        assertThat(numbers(b)).isEqualTo(first);

        String chosen = first.get(3);
        b.clickAndWait("#documents li:nth-child(4) h2 a");
        b.screenshot("person-qualification-document-opened-from-the-list");
        assertThat(b.text("h1")).isEqualTo(chosen);
        assertThat(b.text("#qualification-date")).isEqualTo("2026-02-27");
        assertThat(b.text("section.notice table")).contains("张三", "李四", "王五", "测试省建筑设计研究院", "基层有效", "全省有效", "破格");

        b.clickAndWait("header.site a.language");
        b.screenshot("person-qualification-document-in-english");
        assertThat(b.lang()).isEqualTo("en");
        assertThat(b.text("h1")).isEqualTo(chosen);
        assertThat(b.text("main")).contains("Valid in", "Grassroots only", "The whole province");
    }

    private static List<String> numbers(RealBrowser b) {
        return b.all("#documents li h2").stream().map(WebElement::getText).toList();
    }

    private static RealBrowser browser() {
        return BROWSERS.on(Screen.DESKTOP);
    }

    @AfterAll
    static void close_the_browser() {
        BROWSERS.closeAll();
    }
}
