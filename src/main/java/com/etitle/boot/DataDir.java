package com.etitle.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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

    /** Creates the folder (and parents) readable by the owner only. */
    public static Path ownerOnly(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Writes a secret file atomically with mode 600, so it is never readable by others, not even briefly. */
    public static void writeSecret(Path file, String content) {
        writeSecret(file, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The binary form, for PKCS#12 files. */
    public static void writeSecret(Path file, byte[] content) {
        try {
            ownerOnly(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".tmp", null,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, content);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
