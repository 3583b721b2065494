package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node.js scripts under {@code src/test/js/<name>/} that check what we publish with libraries we did not write. Each
 * folder's pinned {@code package.json} and {@code package-lock.json} are installed with {@code npm ci} into
 * {@code target/js/<name>} once, and again when the lock file changed (npm's cache keeps later installs offline).
 * A missing node or npm fails the test:
 * a skipped check checks nothing.
 */
public final class Node {

    private static final Path SOURCES = Path.of("src", "test", "js");
    private static final Path INSTALLED = Path.of("target", "js");

    private Node() {
    }

    /** The folder with the scripts and their installed packages; installs them the first time. */
    public static synchronized Path packages(String name) {
        Path target = INSTALLED.resolve(name);
        Path lock = SOURCES.resolve(name).resolve("package-lock.json");
        try {
            // installed, and from the lock file as it is now (a changed lock installs again)
            if (Files.isDirectory(target.resolve("node_modules")) && Files.exists(target.resolve("package-lock.json"))
                    && Files.mismatch(lock, target.resolve("package-lock.json")) < 0) {
                copyScripts(SOURCES.resolve(name), target);
                return target;
            }
            Files.createDirectories(target);
            copyScripts(SOURCES.resolve(name), target);
            Commands.Result install = Commands.run(target, Map.of(), Duration.ofMinutes(5),
                    List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
            if (install.exitCode() != 0) {
                Files.deleteIfExists(target.resolve("package-lock.json"));
                throw new AssertionError("npm ci failed in " + target + ":\n" + install.both());
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code node <script> <args…>} in the installed folder and hands back what it printed. */
    public static Commands.Result script(String name, String script, List<String> args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(args);
        return Commands.run(packages(name), Map.of(), Duration.ofMinutes(2), command);
    }

    private static void copyScripts(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
