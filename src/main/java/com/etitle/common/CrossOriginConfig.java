package com.etitle.common;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which web origins may call which endpoints from a browser (CORS). Public reads answer every origin and are not
 * configurable: the keys, issuers, contexts and registers are published so that anyone can check a certificate.
 */
@ConfigMapping(prefix = "etitle.cors")
public interface CrossOriginConfig {

    /**
     * Origins whose pages may post verifications ({@code POST /api/v1/verifications}, {@code POST /credentials/verify}):
     * {@code *} or a list such as {@code https://hr.example.cn,https://jobs.example.cn}. They are public and use no
     * cookies, so any origin by default.
     */
    @WithDefault("*")
    List<String> verificationOrigins();

    /** Origins whose pages may file objections to a publicity notice; none unless listed (see {@link CrossOriginPolicy}). */
    Optional<List<String>> objectionOrigins();

    /** Origins of the front-ends that call authority and holder endpoints with a bearer token; none unless listed, never {@code *}. */
    Optional<List<String>> authenticatedOrigins();

    /** How long a browser may keep a preflight answer ({@code Access-Control-Max-Age}); Chromium caps it at 2 hours. */
    @WithDefault("10m")
    Duration preflightMaxAge();
}
