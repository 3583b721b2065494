package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an outside tool (npm, a linter, a code generator) in its own process, as a user would from a shell. Output goes
 * to files beside the work, so a long one can neither fill a pipe nor be lost; a missing tool or a run that outlives its
 * time fails the test, because a check that did not run checks nothing.
 */
public final class Commands {

    /** What a finished command left: its exit code and its standard output and error. */
    public record Result(int exitCode, String stdout, String stderr) {

        public String both() {
            return stdout + (stdout.isEmpty() || stderr.isEmpty() ? "" : "\n") + stderr;
        }
    }

    private Commands() {
    }

    /** Runs {@code command} in {@code dir} with {@code env} added to this JVM's environment, for at most {@code timeout}. */
    public static Result run(Path dir, Map<String, String> env, Duration timeout, List<String> command) {
        try {
            Files.createDirectories(dir.toAbsolutePath());
            String name = Path.of(command.get(0)).getFileName().toString();
            Path out = Files.createTempFile(dir, name + "-", ".out");
            Path err = Files.createTempFile(dir, name + "-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(env);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new AssertionError("cannot run `" + command.get(0) + "`: this test needs it on the PATH (see docs/testing.md)", e);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("`" + String.join(" ", command) + "` did not finish within " + timeout);
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private static java.io.File nullDevice() {
        // no tool here may wait for a terminal
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
