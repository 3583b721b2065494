package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real browser for pages whose work is done by their script: headless Chromium (Debian's {@code chromium})
 * loads the page, runs it until the network is idle or the budget is spent, and hands back the DOM as it then
 * is. A missing browser fails the test, because a skipped check checks nothing.
 */
public final class Browser {

    private Browser() {
    }

    /** The page's DOM after its scripts ran (at most 10 s of virtual time). */
    public static String domAfterScripts(String url) {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("etitle-chromium-");
            List<String> command = List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", url);
            Process process;
            try {
                process = new ProcessBuilder(command).start();
            } catch (IOException e) {
                throw new AssertionError("cannot run chromium: the browser test needs Debian's chromium on the PATH (apt-get install chromium)", e);
            }
            process.getOutputStream().close();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("chromium failed on " + url + ": " + new String(stderr.join(), StandardCharsets.UTF_8));
            }
            return dom;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running chromium", e);
        } finally {
            if (profile != null) {
                try (var files = Files.walk(profile)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary folder; the OS cleans up
                }
            }
        }
    }
}
