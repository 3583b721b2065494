package com.etitle.boot;

import java.nio.file.Path;

/**
 * The local folder of the zero-setup run: the embedded database, generated signing keys and the
 * development identity key. {@code ETITLE_DATA_DIR} (or {@code -Detitle.data-dir}) moves it; default {@code ./data}.
 */
public final class DataDir {

    private DataDir() {
    }

    public static Path resolve() {
        String configured = System.getProperty("etitle.data-dir", System.getenv("ETITLE_DATA_DIR"));
        return Path.of(configured == null || configured.isBlank() ? "data" : configured).toAbsolutePath().normalize();
    }
}
