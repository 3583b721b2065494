package com.etitle.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * OFD files read by ofdrw 2.3.3, the reference open-source OFD library, as a second implementation beside the code that
 * writes our certificates: whether the file opens, its pages, the text of page 1, each seal or signature with ofdrw's
 * verdict, ofdrw's {@code OFDValidator} verdict on the whole document, and page 1 rendered to a PNG.
 * <p>
 * ofdrw needs BouncyCastle 1.68 ({@code bcprov-jdk15on}), which breaks the service's 1.86 on one class path
 * ({@code NoSuchMethodError} at run time), so it is never on the service's or the tests' class path: the checker
 * ({@code src/test/ofdrw}, its own small Maven project) runs in a JVM of its own. The first use builds it with Maven
 * into {@code target/ofdrw} (classes, and its libraries copied from the local Maven repository, fetched from Maven
 * Central the first time); later uses, and later runs until a file under {@code src/test/ofdrw} changes, reuse that
 * build. Java or a checker that cannot be built or run fails the test, because a skipped check checks nothing.
 */
public final class Ofdrw {

    private static final Path SOURCES = Path.of("src", "test", "ofdrw");
    private static final Path BUILT = Path.of("target", "ofdrw");
    private static final Path STAMP = BUILT.resolve("built-from.sha256");
    /** The certificate face's font (fetched by the build), drawn by ofdrw for Chinese text in fonts a file does not embed. */
    private static final Path CJK_FONT = Path.of("target", "classes", "fonts", "NotoSerifSC_400Regular.ttf");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What ofdrw saw in one file; {@code json} is the checker's report as printed, for messages. */
    public record Report(boolean opened, String error, int pages, String text, List<Seal> seals, Validator validator,
            Path png, String pngError, String fontSubstitute, long millis, String json) {

        /** The one seal of a file that must have exactly one. */
        public Seal onlySeal() {
            if (seals.size() != 1) {
                throw new AssertionError("expected exactly one seal or signature, ofdrw found " + seals.size() + ": " + json);
            }
            return seals.get(0);
        }

        @Override
        public String toString() {
            return json;
        }
    }

    /**
     * One entry of the document's signature list. {@code type} is {@code Seal} (an electronic seal, GB/T 38540) or
     * {@code Sign} (a plain signature, GB/T 35275); {@code version} is {@code v4} (GB/T 38540) or {@code v1}
     * (GM/T 0031) for a seal; {@code valid} is ofdrw's verdict and {@code error} its reason when not valid.
     */
    public record Seal(String id, String type, String version, String name, String signer, String sealMaker,
            String signatureMethod, List<String> protectedFiles, boolean valid, String error) {
    }

    /** ofdrw's {@code OFDValidator.exeValidate()} on the whole document: valid, or the first failure. */
    public record Validator(boolean valid, String error) {
    }

    /** A sample made by ofdrw itself: the file, the seal's name and the signer's certificate subject. */
    public record Sample(Path file, String sealName, String signer) {
    }

    private Ofdrw() {
    }

    /** Reads {@code ofd} with ofdrw and renders its first page into {@code pngOut} (no picture when it is null). */
    public static Report check(Path ofd, Path pngOut) {
        List<String> args = new ArrayList<>(List.of("check", ofd.toAbsolutePath().toString()));
        if (pngOut != null) {
            args.add(pngOut.toAbsolutePath().toString());
        }
        String out = run(args);
        JsonNode report = parse(out);
        List<Seal> seals = new ArrayList<>();
        for (JsonNode seal : report.path("signatures")) {
            List<String> files = new ArrayList<>();
            seal.path("protectedFiles").forEach(f -> files.add(f.asText()));
            seals.add(new Seal(text(seal, "id"), text(seal, "type"), text(seal, "version"), text(seal, "sealName"),
                    text(seal, "signer"), text(seal, "sealMaker"), text(seal, "signatureMethod"), List.copyOf(files),
                    seal.path("valid").asBoolean(false), text(seal, "error")));
        }
        JsonNode validator = report.path("validator");
        return new Report(report.path("opened").asBoolean(false), text(report, "error"), report.path("pages").asInt(0),
                text(report, "text"), List.copyOf(seals),
                validator.isMissingNode() ? null : new Validator(validator.path("valid").asBoolean(false), text(validator, "error")),
                report.hasNonNull("png") ? Path.of(report.get("png").asText()) : null, text(report, "pngError"),
                text(report, "fontSubstitute"), report.path("millis").asLong(0), out.trim());
    }

    /**
     * A sealed OFD made by ofdrw alone (for the harness's own test): one page with {@code text} (lines split at
     * {@code \n}), sealed with a fresh GB/T 38540 v4 SM2 seal named {@code sealName}; keys and certificates are made
     * anew inside the checker's JVM each time.
     */
    public static Sample makeSample(Path out, String text, String sealName) {
        JsonNode made = parse(run(List.of("make-sample", out.toAbsolutePath().toString(), text, sealName)));
        return new Sample(Path.of(made.get("file").asText()), made.get("sealName").asText(), made.get("signer").asText());
    }

    /**
     * A copy of the package {@code ofd} in {@code out} with the entry {@code name} (e.g.
     * {@code Doc_0/Pages/Page_0/Content.xml}) changed by {@code change}, every other entry as it was: a file that
     * differs only where the test says.
     */
    public static Path withEntryChanged(Path ofd, String name, UnaryOperator<byte[]> change, Path out) {
        try {
            return Files.write(out, Ofds.withEntryChanged(Files.readAllBytes(ofd), name, change));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(List<String> args) {
        Path built = build();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // short runs: a small heap, no window system, and the font our faces use for Chinese text not embedded
                "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        if (Files.isRegularFile(CJK_FONT)) {
            command.add("-Dcheck.cjkFont=" + CJK_FONT.toAbsolutePath());
        }
        command.addAll(List.of("-cp", built.resolve("classes").toAbsolutePath() + File.pathSeparator
                + built.resolve("lib").toAbsolutePath() + File.separator + "*", "com.etitle.ofdrwcheck.OfdrwCheck"));
        command.addAll(args);
        Commands.Result result = Commands.run(BUILT, Map.of(), Duration.ofMinutes(2), command);
        if (result.exitCode() != 0 || !result.stdout().trim().startsWith("{")) {
            throw new AssertionError("the ofdrw checker (" + String.join(" ", args) + ") exited " + result.exitCode()
                    + " without a report:\n" + result.both());
        }
        return result.stdout();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("the ofdrw checker printed no JSON report: " + json, e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /**
     * The checker built into target/ofdrw by its own POM, with the Maven that runs this build (the wrapper when the
     * tests run otherwise), once; again only when a file under src/test/ofdrw differs from the last build's.
     */
    private static synchronized Path build() {
        String sources = digestOfSources();
        try {
            if (Files.isRegularFile(STAMP) && Files.readString(STAMP).equals(sources)
                    && Files.isDirectory(BUILT.resolve("classes")) && Files.isDirectory(BUILT.resolve("lib"))) {
                return BUILT;
            }
            Files.deleteIfExists(STAMP);
            // copy-dependencies adds, never removes: a library the POM no longer names must not stay on the class path
            deleteRecursively(BUILT.resolve("lib"));
            Files.createDirectories(BUILT);
            List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "-f",
                    SOURCES.resolve("pom.xml").toAbsolutePath().toString(), "compile"));
            Commands.Result result = Commands.run(BUILT, Map.of(), Duration.ofMinutes(10), command);
            if (result.exitCode() != 0) {
                throw new AssertionError("could not build the ofdrw checker (" + String.join(" ", command) + "); the first"
                        + " build needs Maven Central for ofdrw 2.3.3 and its libraries, later ones only the local Maven"
                        + " repository:\n" + result.both());
            }
            Files.writeString(STAMP, sources);
            return BUILT;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static String maven() {
        String home = System.getProperty("maven.home");
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        if (home != null && !home.isBlank()) {
            Path mvn = Path.of(home, "bin", windows ? "mvn.cmd" : "mvn");
            if (Files.isExecutable(mvn)) {
                return mvn.toString();
            }
        }
        return Path.of(windows ? "mvnw.cmd" : "mvnw").toAbsolutePath().toString();
    }

    private static String digestOfSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                sha256.update(SOURCES.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                try (InputStream in = Files.newInputStream(file)) {
                    sha256.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
