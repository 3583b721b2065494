package com.etitle.common;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The service's one source of time; tests replace it with a fixed or adjustable clock. */
public class ClockProducer {

    /** Calendar dates (issue date, qualification date) are those of mainland China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(CHINA);
    }
}
