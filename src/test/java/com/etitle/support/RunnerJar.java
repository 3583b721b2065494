package com.etitle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the process-level tests need to run the packaged jar as an operator does: the jar, a java, a free port. */
public final class RunnerJar {

    private RunnerJar() {
    }

    /** The packaged jar, which the failsafe plugin names in {@code runner.jar}. */
    public static String runnerJar() {
        String jar = System.getProperty("runner.jar");
        assertThat(jar).as("runner.jar system property (set by the failsafe plugin)").isNotNull();
        assertThat(Path.of(jar)).exists();
        return jar;
    }

    /** The class-data archive the build makes beside the jar (pom.xml, "class-data-archive"), which the README's run command uses. */
    public static String classDataArchive() {
        Path archive = Path.of(runnerJar().replaceAll("\\.jar$", ".jsa"));
        assertThat(archive).as("the build's class-data archive").exists();
        return archive.toAbsolutePath().toString();
    }

    /** The java of this JVM, so the jar runs on the JDK the build uses. */
    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A string member of a flat JSON answer, without a JSON library in the way of what the service wrote. */
    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }
}
