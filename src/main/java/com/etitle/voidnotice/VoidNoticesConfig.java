package com.etitle.voidnotice;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When void notices are published: {@code etitle.void-notices.*}. */
@ConfigMapping(prefix = "etitle.void-notices")
public interface VoidNoticesConfig {

    /** The batch period: an authority's queue is published once its oldest declaration has waited this long. */
    @WithDefault("7d")
    Duration period();

    /** How often each replica looks for queues that are due; {@code off} stops the job (tests call it directly). */
    @WithDefault("1h")
    String checkEvery();
}
