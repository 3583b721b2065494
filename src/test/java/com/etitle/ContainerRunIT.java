package com.etitle;

import static com.etitle.support.RunnerJar.field;
import static com.etitle.support.RunnerJar.freePort;
import static com.etitle.support.RunnerJar.javaBin;
import static com.etitle.support.RunnerJar.runnerJar;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.etitle.crypto.KeyAlgorithm;
import com.etitle.crypto.Keys;
import com.etitle.crypto.X509SigningKey;
import com.etitle.face.FaceFont;
import com.etitle.face.FaceSealer;
import com.etitle.face.FaceSeals;
import com.etitle.support.ContainerImage;
import com.etitle.support.JarOnPostgres;
import com.etitle.support.JsonLog;
import com.etitle.support.Manifests;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged jar run the way the container image runs it in the Deployment, since no image can be built here: the
 * command of {@code src/main/docker/Dockerfile.jvm} (its ENTRYPOINT, ENV, WORKDIR and USER) with the environment, the
 * mounts and the memory and CPU limits of {@code k8s/}, on a copy of the container's file system in a folder where
 * everything is read-only but the emptyDir at /tmp. The ConfigMaps are mounted as Kubernetes mounts them, each
 * authority's keys Secret as a folder in Kubernetes' own layout ({@code ..data} links) with keys the test makes, the
 * user's home does not exist and cannot be made, and the database is a PostgreSQL the test starts.
 *
 * <p>As root the process is started as the image's user (10001) with no capabilities ({@code setpriv}), so a write to
 * a read-only folder fails as it would in the pod; as another user, that user's own rights do the same. Either way the
 * folders are compared before and after: the service must start, answer its probes, issue a certificate, verify it by
 * code and from its signed PDF, serve its pages, stay within the memory limit, stop on SIGTERM, and have written
 * nothing but under /tmp, no more than the emptyDir's size limit.
 */
class ContainerRunIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String HOLDER_ID_NUMBER = "110105198003121238";
    private static final String ISSUE_BODY = """
            {"holderName":"赵六","holderIdNumber":"110105198003121238","workUnit":"示范省水利设计院","series":"工程",
             "specialty":"水利工程","level":"INTERMEDIATE","qualificationName":"工程师","effectiveScope":"PROVINCE_WIDE",
             "acquisitionRoute":"EXAM","promotionType":"NORMAL","approvalDocumentNumber":"示人社职〔2026〕3号",
             "qualificationDate":"2026-05-20"}""";
    /** Lines the service would log had it tried to write where it may not. */
    private static final Pattern WRITE_REFUSED = Pattern.compile("(?i)read-only file system|permission denied|AccessDeniedException"
            + "|cannot (write|create)|unable to (write|create)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Manifests k8s = Manifests.ofProject();
    private final ContainerImage image = ContainerImage.ofProject();
    private final Deployment deployment = k8s.one(Deployment.class);
    private final PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    private final Container container = pod.getContainers().get(0);
    private boolean root;

    private EmbeddedPostgres postgres;
    private Process service;

    @TempDir
    Path work;

    @AfterEach
    void stopAll() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (postgres != null) {
            postgres.close();
        }
        // the test's folders were made read-only; JUnit must be able to delete them, and never follow the link to the jar
        try (Stream<Path> all = Files.walk(work)) {
            all.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> p.toFile().setWritable(true, true));
        }
        try (Stream<Path> all = Files.walk(work)) {
            for (Path link : all.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }

    @Test
    void the_jar_run_as_the_image_runs_it_serves_as_a_non_root_user_on_a_read_only_root_and_writes_only_to_tmp() throws Exception {
        root = uidOfThisProcess().equals("0");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path fileSystem = Files.createDirectories(work.resolve("container"));
        Map<String, String> settings = settings();

        // the identity provider: the development identity, made outside the container; the service trusts its public key
        Path identityProvider = Files.createDirectories(work.resolve("identity-provider"));
        String authority = authorities().keySet().iterator().next();
        String issuer = JarOnPostgres.devToken(identityProvider, "issuer", authority);
        String holder = devToken(identityProvider, "--role", "holder", "--id-number", HOLDER_ID_NUMBER);
        Path identityKey = work.resolve("identity-provider.pem");
        Files.copy(identityProvider.resolve("data/dev-identity/public.pem"), identityKey);
        Files.setPosixFilePermissions(identityKey, PosixFilePermissions.fromString("r--r--r--"));

        int pgPort = freePort();
        postgres = JarOnPostgres.startPostgres(work.resolve("postgres"), pgPort, work.resolve("postgres.log"));

        List<Path> writable = lay(fileSystem, settings);
        Map<String, String> before = snapshot(fileSystem, writable);

        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>(environment(settings, fileSystem));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", JarOnPostgres.jdbcUrl(pgPort));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", identityKey.toUri().toString());
        env.put("ETITLE_JWT_ISSUER", "urn:etitle:dev-identity");
        env.put("PORT", String.valueOf(port));
        long memoryLimit = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")).longValueExact();
        int cpus = Math.max(1, (int) Math.ceil(Quantity.getAmountInBytes(container.getResources().getLimits().get("cpu")).doubleValue()));

        List<String> command = new ArrayList<>();
        if (root) {
            assertThat(Path.of("/usr/bin/setpriv")).as("setpriv (util-linux), to run the service as the image's user").exists();
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + image.uid(), "--regid=" + image.gid(), "--clear-groups",
                    "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
        }
        List<String> entrypoint = image.entrypoint();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        command.add(javaBin());
        entrypoint.subList(1, entrypoint.size() - 2).forEach(arg -> command.add(rooted(arg, fileSystem)));
        // what the container's cgroup and /etc/passwd tell the JVM
        command.addAll(List.of("-XX:MaxRAM=" + memoryLimit, "-XX:ActiveProcessorCount=" + cpus,
                "-Duser.home=" + rooted(image.home(), fileSystem)));
        command.add("-jar");
        command.add(rooted(entrypoint.get(entrypoint.size() - 1), fileSystem));
        Path log = work.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(inContainer(fileSystem, image.workdir()).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        service = builder.start();
        awaitListening(log);
        String base = "http://localhost:" + port;

        String archive = image.entrypoint().stream().filter(arg -> arg.startsWith("-XX:SharedArchiveFile=")).findFirst()
                .map(arg -> rooted(arg, fileSystem).substring("-XX:SharedArchiveFile=".length())).orElseThrow();
        assertThat(Files.readString(Path.of("/proc/" + service.pid() + "/maps"))).as("the service maps the image's class-data archive")
                .contains(Path.of(archive).toRealPath().toString());

        String uid = procStatus(service.pid(), "Uid");
        assertThat(uid.split("\\s+")[0]).as("the process's user").isEqualTo(root ? String.valueOf(image.uid())
                : uidOfThisProcess()).isNotEqualTo("0");

        for (Probe probe : List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
            assertThat(get(base + probe.getHttpGet().getPath(), null).statusCode()).as(probe.getHttpGet().getPath()).isEqualTo(200);
        }

        HttpResponse<String> issued = post(base + "/api/v1/certificates", ISSUE_BODY, issuer);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(issued.headers().firstValue("Strict-Transport-Security")).as("HSTS from the service").hasValue("max-age=31536000");
        String number = field(issued.body(), "number");
        String byCode = "{\"certificateNumber\":\"" + number + "\",\"holderName\":\"赵六\",\"verificationCode\":\""
                + field(issued.body(), "verificationCode") + "\"}";
        assertThat(post(base + "/api/v1/verifications", byCode, null).body()).contains("\"result\":\"VALID\"");

        HttpResponse<byte[]> face = getBytes(base + "/api/v1/me/certificates/" + number + "/document", holder);
        assertThat(face.statusCode()).isEqualTo(200);
        assertThat(new String(face.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<byte[]> qr = getBytes(base + "/api/v1/me/certificates/" + number + "/qr", holder);
        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("Content-Type")).hasValue("image/png");
        HttpResponse<String> uploaded = uploadPdf(base + "/verify/pdf?lang=en", face.body());
        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(uploaded.body()).as("the employer's page reads the signed face and its QR code").contains("class=\"result valid\"");
        for (String page : List.of("/verify", "/q/swagger-ui/", "/vendor/jsqr-1.4.0.js", "/q/openapi")) {
            assertThat(get(base + page, null).statusCode()).as(page).isEqualTo(200);
        }

        long rss = Long.parseLong(procStatus(service.pid(), "VmRSS").replaceAll("\\D", "")) << 10;
        System.out.printf("the service as the image runs it: %d MiB resident of a %d MiB limit%n", rss >> 20, memoryLimit >> 20);
        assertThat(rss).as("resident memory within the container's limit").isLessThan(memoryLimit);

        service.destroy();
        assertThat(service.waitFor(pod.getTerminationGracePeriodSeconds(), TimeUnit.SECONDS)).as("stops on SIGTERM in the grace period")
                .isTrue();

        String output = Files.readString(log);
        assertThat(output.lines().filter(l -> WRITE_REFUSED.matcher(l).find())).as("writes refused").isEmpty();
        // the console is JSON lines but for the note the java launcher writes when JDK_JAVA_OPTIONS is set
        List<JsonLog.Line> lines = JsonLog.parse(output.lines().filter(l -> !l.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS"))
                .collect(Collectors.joining("\n")));
        assertThat(lines.stream().filter(l -> l.level().equals("ERROR")).map(JsonLog.Line::text)).as("errors logged").isEmpty();
        assertThat(changes(before, snapshot(fileSystem, writable))).as("written outside /tmp").isEmpty();
        long written = 0;
        for (Path tmp : writable) {
            try (Stream<Path> files = Files.walk(tmp)) {
                written += files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            try (Stream<Path> top = Files.list(tmp)) {
                System.out.println("written to " + fileSystem.relativize(tmp) + ": " + top.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
        long sizeLimit = Quantity.getAmountInBytes(pod.getVolumes().stream().filter(v -> v.getEmptyDir() != null).findFirst().orElseThrow()
                .getEmptyDir().getSizeLimit()).longValueExact();
        assertThat(written).as("bytes written to the emptyDir, of its %d MiB limit", sizeLimit >> 20).isLessThan(sizeLimit);
    }

    /**
     * Makes the container's file system: the image's working directory with the jar, every mount of the Deployment (the
     * ConfigMaps' files, the keys Secrets in Kubernetes' layout, the emptyDir), and nothing else; then makes it all
     * read-only but the emptyDirs, which are returned.
     */
    private List<Path> lay(Path fileSystem, Map<String, String> settings) throws Exception {
        Files.createDirectories(inContainer(fileSystem, image.workdir()));
        Path jar = inContainer(fileSystem, image.entrypoint().get(image.entrypoint().size() - 1));
        Files.createSymbolicLink(jar, Path.of(runnerJar()).toAbsolutePath());
        buildStep(fileSystem);
        List<Path> writable = new ArrayList<>();
        Map<String, Volume> volumes = new TreeMap<>();
        pod.getVolumes().forEach(v -> volumes.put(v.getName(), v));
        Map<String, Authority> authorities = authorities();
        String password = settings.get("ETITLE_KEYS_PKCS12_PASSWORD");
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = volumes.get(mount.getName());
            Path dir = Files.createDirectories(inContainer(fileSystem, mount.getMountPath()));
            if (volume.getEmptyDir() != null) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
                writable.add(dir);
            } else if (volume.getConfigMap() != null) {
                Map<String, byte[]> files = new TreeMap<>();
                k8s.named(ConfigMap.class, volume.getConfigMap().getName()).orElseThrow().getData()
                        .forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
                mountAsKubernetes(dir, files, "r--r--r--");
            } else if (volume.getSecret() != null) {
                Secret secret = k8s.named(Secret.class, volume.getSecret().getSecretName()).orElseThrow();
                String code = dir.getFileName().toString();
                Authority authority = authorities.get(code);
                assertThat(authority).as("keys mounted for a declared authority: %s", code).isNotNull();
                Map<String, byte[]> files = new TreeMap<>();
                for (String name : secret.getStringData().keySet()) {
                    byte[] made = keyFile(name, code, authority, password.toCharArray());
                    if (made == null) {
                        System.out.println("not made by this test (no use of it in this build yet): " + code + "/" + name);
                    } else {
                        files.put(name, made);
                    }
                }
                // defaultMode 0400 with fsGroup: kubelet gives the group read access, and the group is the pod's fsGroup
                mountAsKubernetes(dir, files, root ? "r--r-----" : "r--------");
            }
        }
        readOnly(fileSystem, writable);
        return writable;
    }

    /**
     * The image's build step that runs {@code java}: the training start that makes the class-data archive, run here as
     * the image build does (before USER, so as this test's user) with the container's paths moved and a scratch folder
     * as its /tmp, which the build empties afterwards.
     */
    private void buildStep(Path fileSystem) throws Exception {
        List<String> steps = image.runs().stream().map(run -> run.split("&&")[0].strip()).filter(run -> run.startsWith("java ")).toList();
        assertThat(steps).as("one build step runs the jar: the training start of the class-data archive").hasSize(1);
        List<String> words = List.of(steps.get(0).split("\\s+"));
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("build-tmp"))));
        words.subList(1, words.size()).forEach(word -> command.add(rooted(word, fileSystem)));
        Process build = new ProcessBuilder(command).directory(inContainer(fileSystem, image.workdir()).toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("build.log").toFile()).start();
        assertThat(build.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the training start ends").isTrue();
        assertThat(build.exitValue()).as(Files.readString(work.resolve("build.log"))).isZero();
    }

    /** The layout kubelet's atomic writer makes: files in a timestamped folder, {@code ..data} pointing at it, a link per file. */
    private void mountAsKubernetes(Path dir, Map<String, byte[]> files, String mode) throws IOException {
        Path version = Files.createDirectories(dir.resolve("..2026_01_01_00_00_00.000000001"));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path written = Files.write(version.resolve(file.getKey()), file.getValue());
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString(mode));
            if (root) {
                Files.setAttribute(written, "unix:gid", (int) image.gid());
            }
            Files.createSymbolicLink(dir.resolve(file.getKey()), Path.of("..data").resolve(file.getKey()));
        }
        Files.createSymbolicLink(dir.resolve("..data"), version.getFileName());
    }

    private static final Map<String, FaceSealer> SEALS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A key file as an authority's operator makes it (keys/README.md); null for one this build does not read yet. */
    private static byte[] keyFile(String name, String code, Authority authority, char[] password) {
        if (name.matches("v[1-9][0-9]*\\.pem")) {
            return Keys.generate(authority.algorithm()).toPem().getBytes(StandardCharsets.US_ASCII);
        }
        if (name.equals("document-signing.p12")) {
            return X509SigningKey.generate(code, authority.name(), Instant.now()).toPkcs12(password);
        }
        if (name.equals(FaceSeals.KEY_FILE) || name.equals(FaceSeals.SEAL_FILE)) {
            // the seal key and the seal belong together: made once an authority, each file taken from the same set
            FaceSealer sealer = SEALS.computeIfAbsent(code, c -> FaceSealer.generate(c, authority.name(), Instant.now(), FaceFont.bundled()));
            return name.equals(FaceSeals.KEY_FILE) ? sealer.key().toPkcs12(password) : sealer.seal().encoded();
        }
        return null;
    }

    private static void readOnly(Path fileSystem, List<Path> writable) throws IOException {
        try (Stream<Path> all = Files.walk(fileSystem)) {
            for (Path path : all.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (!writable.contains(path)) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("r-xr-xr-x"));
                }
            }
        }
    }

    /** Every path of the container's file system outside the writable mounts, with its kind, size, time and mode. */
    private static Map<String, String> snapshot(Path fileSystem, List<Path> writable) throws IOException {
        Map<String, String> snapshot = new TreeMap<>();
        try (Stream<Path> all = Files.walk(fileSystem)) {
            for (Path path : all.filter(p -> writable.stream().noneMatch(p::startsWith)).toList()) {
                Map<String, Object> attributes = Files.readAttributes(path, "unix:mode,size,lastModifiedTime,uid,gid", LinkOption.NOFOLLOW_LINKS);
                String kind = Files.isSymbolicLink(path) ? "link " + Files.readSymbolicLink(path) : Files.isDirectory(path) ? "dir" : "file";
                snapshot.put(fileSystem.relativize(path).toString(), kind + " " + attributes);
            }
        }
        return snapshot;
    }

    /** What was added, removed or changed between two snapshots, one line a path. */
    private static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        before.forEach((path, was) -> {
            String now = after.get(path);
            if (now == null) {
                changes.add("removed /" + path);
            } else if (!now.equals(was)) {
                changes.add("changed /" + path + ": " + was + " -> " + now);
            }
        });
        after.keySet().stream().filter(path -> !before.containsKey(path)).forEach(path -> changes.add("added /" + path));
        return changes;
    }

    /** The container's environment as Kubernetes makes it: the image's, then the ConfigMaps and Secrets, then env. */
    private Map<String, String> environment(Map<String, String> settings, Path fileSystem) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", rooted(image.home(), fileSystem));
        env.putAll(image.env());
        settings.forEach((name, value) -> env.put(name, value.startsWith("/") ? rooted(value, fileSystem) : value));
        return env;
    }

    /** The variables the Deployment gives the container, from its ConfigMaps, Secrets and env. */
    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                settings.putAll(k8s.named(ConfigMap.class, source.getConfigMapRef().getName()).orElseThrow().getData());
            }
            if (source.getSecretRef() != null) {
                settings.putAll(k8s.named(Secret.class, source.getSecretRef().getName()).orElseThrow().getStringData());
            }
        }
        container.getEnv().forEach(v -> settings.put(v.getName(), v.getValue()));
        return settings;
    }

    record Authority(String name, KeyAlgorithm algorithm) {
    }

    /** The authorities of the mounted application.properties (ConfigMap etitle-authorities). */
    private Map<String, Authority> authorities() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(k8s.named(ConfigMap.class, "etitle-authorities").orElseThrow().getData().get("application.properties")));
        Map<String, Authority> authorities = new TreeMap<>();
        Pattern name = Pattern.compile("etitle\\.authorities\\.([^.]+)\\.name");
        for (String key : properties.stringPropertyNames()) {
            Matcher m = name.matcher(key);
            if (m.matches()) {
                String code = m.group(1);
                authorities.put(code, new Authority(properties.getProperty(key),
                        KeyAlgorithm.valueOf(properties.getProperty("etitle.authorities." + code + ".algorithm", "ED25519"))));
            }
        }
        return authorities;
    }

    /** A path of the container, in the folder that stands for its file system. */
    private static Path inContainer(Path fileSystem, String containerPath) {
        return fileSystem.resolve(containerPath.substring(1));
    }

    /** An argument with the container's absolute paths (a whole value, or after "=") moved into that folder. */
    private static String rooted(String arg, Path fileSystem) {
        Matcher m = Pattern.compile("(^|=)(/\\S*)").matcher(arg);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + inContainer(fileSystem, m.group(2))));
        }
        return m.appendTail(out).toString();
    }

    private void awaitListening(Path log) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && service.isAlive()) {
            if (Files.exists(log) && Files.readString(log).contains("Listening on")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not start:\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    private static String procStatus(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> l.substring(field.length() + 1).strip()).findFirst().orElseThrow();
    }

    private static String uidOfThisProcess() throws IOException {
        return procStatus(ProcessHandle.current().pid(), "Uid").split("\\s+")[0];
    }

    private static String devToken(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", runnerJar(), "dev-token"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private HttpResponse<String> post(String url, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> getBytes(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The verification page's file form, as a browser sends it. */
    private HttpResponse<String> uploadPdf(String url, byte[] pdf) throws Exception {
        String boundary = "----etitle" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"pdf\"; filename=\"certificate.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + pdf.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(pdf, 0, body, head.length, pdf.length);
        System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
