package com.etitle.support;

import java.time.Duration;
import java.util.List;

import com.etitle.crypto.Hashes;

/** Bearer tokens from the test identity provider. */
public final class Tokens {

    private Tokens() {
    }

    public static String issuer(String authority) {
        return TestEnvironment.identity().mint("officer-" + authority, List.of("issuer"), authority, Duration.ofMinutes(30));
    }

    /** A holder's token, as their identity provider would mint it: the SHA-256 of the ID number, never the number. */
    public static String holder(String idNumber) {
        return TestEnvironment.identity().mintHolder("app-user", Hashes.sha256Hex(idNumber.toUpperCase(java.util.Locale.ROOT)),
                Duration.ofMinutes(30));
    }

    /** An issuer's token whose identity provider claims it was issued at {@code issuedAt}, valid 30 minutes from then. */
    public static String issuerIssuedAt(String authority, java.time.Instant issuedAt) {
        return TestEnvironment.identity().mintIssuedAt("officer-" + authority, List.of("issuer"), authority, issuedAt, Duration.ofMinutes(30));
    }

    public static String withRole(String role, String authority) {
        return TestEnvironment.identity().mint("someone", List.of(role), authority, Duration.ofMinutes(30));
    }
}
