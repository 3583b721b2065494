package com.etitle.committee;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the public committee list. */
@ConfigMapping(prefix = "etitle.committees")
public interface CommitteesConfig {

    /**
     * How long a replica serves rendered pages on the strength of the register version it last read before
     * reading it again. A replica sees its own writes at once; another replica's within this time. Zero reads
     * the version on every request.
     */
    @WithDefault("PT0.5S")
    Duration versionCheckInterval();
}
