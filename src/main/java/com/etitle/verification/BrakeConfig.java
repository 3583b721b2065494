package com.etitle.verification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The brake on guessing: failed number + name + code verifications per certificate number and per client address,
 * and failed grant look-ups per client address, counted in PostgreSQL for all replicas together (docs/design.md).
 */
@ConfigMapping(prefix = "etitle.verification.brake")
public interface BrakeConfig {

    /** Failed verifications of one certificate number allowed per {@link #perNumberPeriod()}, whoever sends them. */
    @WithDefault("10")
    int perNumber();

    @WithDefault("1h")
    Duration perNumberPeriod();

    /** Failed verifications and grant look-ups of one client address allowed per {@link #perClientPeriod()}, whatever the number. */
    @WithDefault("30")
    int perClient();

    @WithDefault("1h")
    Duration perClientPeriod();
}
