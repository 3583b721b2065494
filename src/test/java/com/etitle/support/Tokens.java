package com.etitle.support;

import java.time.Duration;
import java.util.List;

/** Bearer tokens from the test identity provider. */
public final class Tokens {

    private Tokens() {
    }

    public static String issuer(String authority) {
        return TestEnvironment.identity().mint("officer-" + authority, List.of("issuer"), authority, Duration.ofMinutes(30));
    }

    public static String withRole(String role, String authority) {
        return TestEnvironment.identity().mint("someone", List.of(role), authority, Duration.ofMinutes(30));
    }
}
