package com.etitle.certificate;

import java.util.Locale;
import java.util.Optional;

/** The statusPurpose of a W3C Bitstring Status List. */
public enum StatusPurpose {
    REVOCATION, SUSPENSION;

    /** The name used in credentials and list ids ("revocation"). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StatusPurpose> of(String value) {
        for (StatusPurpose p : values()) {
            if (p.value().equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
