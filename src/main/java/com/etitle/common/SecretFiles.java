package com.etitle.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files only their owner may read: generated private keys and the development identity key. */
public final class SecretFiles {

    private SecretFiles() {
    }

    /** Creates the folder (and parents) readable by the owner only. */
    public static Path ownerOnlyDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Writes a secret file atomically with mode 600, so it is never readable by others, not even briefly. */
    public static void write(Path file, String content) {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The binary form, for PKCS#12 files. */
    public static void write(Path file, byte[] content) {
        try {
            ownerOnlyDir(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".tmp", null,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
