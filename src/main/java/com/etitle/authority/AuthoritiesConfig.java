package com.etitle.authority;

import java.util.Map;

import com.etitle.crypto.KeyAlgorithm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Authorities this deployment signs for, registered (or updated) at start:
 * {@code etitle.authorities.<CODE>.name|region|algorithm|credit-code}.
 */
@ConfigMapping(prefix = "etitle.authorities")
public interface AuthoritiesConfig {

    @WithParentName
    Map<String, Definition> all();

    interface Definition {
        String name();

        String region();

        /** ED25519, or SM2 where the authority requires national cryptography. */
        @WithDefault("ED25519")
        KeyAlgorithm algorithm();

        /** The authority's unified social credit code (统一社会信用代码), which its certificates' e-licence identifiers carry. */
        String creditCode();
    }
}
