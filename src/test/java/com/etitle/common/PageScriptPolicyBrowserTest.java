package com.etitle.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.etitle.support.Axe;
import com.etitle.support.BrowserProfile;
import com.etitle.support.Certificates;
import com.etitle.support.Employer;
import com.etitle.support.KeptBrowsers;
import com.etitle.support.RealBrowser;
import com.etitle.support.RealBrowser.Screen;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The pages' script policy as the browser enforces it for the people who use them: a script the page itself would
 * insert (an inline script element, an inline event handler) does not run and is reported as a violation, while the
 * page's own script file does run. The accessibility audit ({@link Axe}) reaches the page through WebDriver, which
 * evaluates through the DevTools protocol rather than through the page, so it needs no exception to this policy and
 * none is made. (For the same reason {@code eval} cannot be tested from here: Chromium does not hold code the
 * DevTools protocol evaluates to the page's {@code script-src}; {@code PageHeadersTest} shows the policy has no
 * {@code unsafe-eval}.)
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class PageScriptPolicyBrowserTest {

    private static final KeptBrowsers BROWSERS = new KeptBrowsers();

    @Test
    @SuppressWarnings("unchecked")
    void a_script_the_page_would_insert_does_not_run_and_the_page_s_own_script_does() throws Exception {
        RealBrowser b = browser();
        Employer.verifiesByForm(b, "zh-CN", Certificates.valid());
        assertThat(b.focused().getAttribute("id")).as("/verify.js ran and moved the focus to the answer").isEqualTo("result");

        String seen = (String) b.asyncScript("""
                const done = arguments[arguments.length - 1];
                const violations = [];
                document.addEventListener('securitypolicyviolation', e => violations.push(e.effectiveDirective));
                window.inlineRan = false;
                window.handlerRan = false;
                const inline = document.createElement('script');
                inline.textContent = 'window.inlineRan = true';
                document.head.appendChild(inline);
                const box = document.createElement('div');
                box.innerHTML = '<img src="/no-such-image" onerror="window.handlerRan = true">';
                document.body.appendChild(box);
                setTimeout(() => done(JSON.stringify({ inline: window.inlineRan, handler: window.handlerRan,
                    violations: violations.sort() })), 1000);""");

        Map<?, ?> result = new ObjectMapper().readValue(seen, Map.class);
        assertThat(result.get("inline")).as("an inserted inline script").isEqualTo(false);
        assertThat(result.get("handler")).as("an inline event handler").isEqualTo(false);
        assertThat((java.util.List<Object>) result.get("violations")).contains("script-src-elem", "script-src-attr");
    }

    @Test
    void the_accessibility_audit_runs_under_the_unchanged_policy() {
        RealBrowser b = browser();
        b.go("/verify");
        String policy = (String) b.script("""
                const x = new XMLHttpRequest(); x.open('GET', location.href, false); x.send();
                return x.getResponseHeader('Content-Security-Policy');""");

        Axe.Audit audit = Axe.run(b, "verify");

        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(audit.blocking()).isEmpty();
    }

    private static RealBrowser browser() {
        return BROWSERS.on(Screen.DESKTOP);
    }

    @AfterAll
    static void close_the_browser() {
        BROWSERS.closeAll();
    }
}
