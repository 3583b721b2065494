package com.etitle.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The application the browser tests drive: listening where its public URL says (so a QR code's link opens the page
 * under test, see {@link PublicUrlProfile}), and with a brake of 3 failed verifications per certificate number, so a
 * person can meet the "too many attempts" page without a thousand wrong guesses first. Objections, on the other hand,
 * may be filed {@value #OBJECTIONS_PER_CLIENT} times a period: every page the browser posts comes from the one address
 * 127.0.0.1, and the audits alone file more than the five a minute a real client address is allowed.
 */
public class BrowserProfile extends PublicUrlProfile {

    /** Failed number + name + code verifications of one number before the page answers 429. */
    public static final int BRAKE_PER_NUMBER = 3;

    /** Objections (filed or refused as invalid) from one client address per period. */
    public static final int OBJECTIONS_PER_CLIENT = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("etitle.verification.brake.per-number", String.valueOf(BRAKE_PER_NUMBER));
        overrides.put("etitle.publicity.objections.per-client", String.valueOf(OBJECTIONS_PER_CLIENT));
        return overrides;
    }
}
