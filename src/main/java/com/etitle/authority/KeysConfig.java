package com.etitle.authority;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where private keys live and which authorities this deployment signs for. */
@ConfigMapping(prefix = "etitle.keys")
public interface KeysConfig {

    /**
     * Folder of private keys: {@code <dir>/<AUTHORITY CODE>/v<N>.pem} (PKCS#8) or {@code v<N>.p12}.
     * In production a mounted Secret; in the zero-setup run {@code <data>/keys}.
     */
    Optional<Path> dir();

    /** Generate a key when an authority has none, and on rotation. Off in production, where keys are mounted. */
    @WithDefault("false")
    boolean generate();

    /** Password of the PKCS#12 files, if any are used. */
    Optional<String> pkcs12Password();
}
