package com.etitle.support;

import java.util.EnumMap;
import java.util.Map;

import com.etitle.support.RealBrowser.Screen;

/**
 * A test class's browsers: one per screen, opened on first use (Chromium takes a second to start) and kept for the
 * class's tests; its {@code @AfterAll} closes them.
 */
public final class KeptBrowsers {

    private final Map<Screen, RealBrowser> open = new EnumMap<>(Screen.class);

    public synchronized RealBrowser on(Screen screen) {
        return open.computeIfAbsent(screen, s -> RealBrowser.open(PublicUrlProfile.publicUrl(), s));
    }

    public synchronized void closeAll() {
        open.values().forEach(RealBrowser::close);
        open.clear();
    }
}
