package com.etitle.support;

import org.openqa.selenium.support.ui.Select;

/** A citizen at the publicity pages, objecting to a candidate through an open notice's form as its page asks. */
public final class Citizen {

    /** Facts and reasons long enough to be filed (10 to 2000 characters). */
    public static final String REASON = "该同志申报材料中的论文与他人已发表论文高度雷同，请核查。";

    private Citizen() {
    }

    /**
     * Opens the notice in the language, chooses the candidate at {@code position}, types name, contact and reason, and
     * presses 提交异议 / Submit; waits for the page that answers.
     */
    public static void objects(RealBrowser browser, String lang, long notice, int position, String name, String contact, String reason) {
        browser.go("/publicity-notices/" + notice + "?lang=" + lang);
        // the candidate is chosen by typing its number into the list, as a keyboard does; a phone's picker is not drivable
        browser.find("#entryPosition").sendKeys(String.valueOf(position));
        String chosen = new Select(browser.find("#entryPosition")).getFirstSelectedOption().getAttribute("value");
        if (!chosen.equals(String.valueOf(position))) {
            throw new AssertionError("candidate " + position + " could not be chosen in the objection form; chosen: '" + chosen + "'");
        }
        browser.type("#objectorName", name).type("#contact", contact).type("#reason", reason);
        browser.clickAndWait("#objection button[type=submit]");
    }
}
