package com.etitle.publicity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the public side of evaluation: caching of the registers and the brake on objections. */
@ConfigMapping(prefix = "etitle.publicity")
public interface PublicityConfig {

    /** max-age of public register answers; short, because a window opens or closes at a fixed instant. */
    @WithDefault("30s")
    Duration cacheMaxAge();

    ObjectionLimit objections();

    interface ObjectionLimit {
        /** Objections one client address may file per {@link #period()}, counted in PostgreSQL for all replicas. */
        @WithDefault("5")
        int perClient();

        @WithDefault("1m")
        Duration period();
    }
}
