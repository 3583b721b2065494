package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
            Result install = run(target, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
            if (install.exit() != 0) {
                Files.deleteIfExists(target.resolve("package-lock.json"));
                throw new AssertionError("npm ci failed in " + target + ":\n" + install.output() + install.errors());
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code node <script> <args…>} in the installed folder and hands back what it printed. */
    public static Result script(String name, String script, List<String> args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(args);
        return run(packages(name), command, 120);
    }

    public record Result(int exit, String output, String errors) {
    }

    private static void copyScripts(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Result run(Path directory, List<String> command, int timeoutSeconds) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ": these checks need Node.js and npm on the PATH (apt-get install npm)", e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String output = read(process.getInputStream());
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), output, errors.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
