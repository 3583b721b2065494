package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What {@code src/main/docker/Dockerfile.jvm} says the container runs: its base image, working directory, user,
 * environment, exposed ports and entry point (exec form). Read from the file itself, so that a test that runs the jar
 * "as the image does" follows the file when it changes.
 */
public record ContainerImage(String from, String workdir, String user, Map<String, String> env, List<String> exposed,
        List<String> entrypoint, List<String> runs) {

    public static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");

    public static ContainerImage ofProject() {
        try {
            return parse(Files.readString(DOCKERFILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ContainerImage parse(String text) throws IOException {
        String from = null;
        String workdir = "/";
        String user = "root";
        Map<String, String> env = new LinkedHashMap<>();
        List<String> exposed = new ArrayList<>();
        List<String> entrypoint = List.of();
        List<String> runs = new ArrayList<>();
        for (String instruction : instructions(text)) {
            String[] parts = instruction.split("\\s+", 2);
            String args = parts.length > 1 ? parts[1].strip() : "";
            switch (parts[0].toUpperCase()) {
                case "FROM" -> from = args;
                case "WORKDIR" -> workdir = args;
                case "USER" -> user = args;
                case "EXPOSE" -> exposed.addAll(List.of(args.split("\\s+")));
                case "ENV" -> env.putAll(envPairs(args));
                case "RUN" -> runs.add(args);
                case "ENTRYPOINT" -> {
                    if (!args.startsWith("[")) {
                        throw new IllegalArgumentException("ENTRYPOINT must use the exec form (a JSON array): " + args);
                    }
                    entrypoint = new ObjectMapper().readValue(args, new TypeReference<List<String>>() {
                    });
                }
                default -> {
                    // COPY and the rest shape the image's files, not how the process is started
                }
            }
        }
        return new ContainerImage(from, workdir, user, env, exposed, entrypoint, runs);
    }

    /** Instructions with their continuation lines joined; comments and blank lines dropped. */
    private static List<String> instructions(String text) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || stripped.isEmpty()) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            instructions.add(current.toString());
            current.setLength(0);
        }
        return instructions;
    }

    /** {@code ENV A=1 B="two words"}; the legacy {@code ENV A value} form as well. */
    private static Map<String, String> envPairs(String args) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (!args.contains("=") || args.indexOf(' ') >= 0 && args.indexOf(' ') < args.indexOf('=')) {
            String[] legacy = args.split("\\s+", 2);
            pairs.put(legacy[0], legacy.length > 1 ? legacy[1] : "");
            return pairs;
        }
        int i = 0;
        while (i < args.length()) {
            while (i < args.length() && args.charAt(i) == ' ') {
                i++;
            }
            int eq = args.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = args.substring(i, eq);
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            boolean quoted = false;
            for (; j < args.length(); j++) {
                char c = args.charAt(j);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\\' && j + 1 < args.length()) {
                    value.append(args.charAt(++j));
                } else if (c == ' ' && !quoted) {
                    break;
                } else {
                    value.append(c);
                }
            }
            pairs.put(name, value.toString());
            i = j;
        }
        return pairs;
    }

    /** The numeric user id of {@code USER uid[:gid]}; fails for a user name, which Kubernetes cannot check as non-root. */
    public long uid() {
        return Long.parseLong(user.split(":")[0]);
    }

    /** The home folder {@code useradd --home-dir} gives the image's user: the JVM's {@code user.home}. */
    public String home() {
        return runs.stream().map(java.util.regex.Pattern.compile("--home-dir\\s+(\\S+)")::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow(() -> new IllegalStateException("no useradd --home-dir in " + DOCKERFILE));
    }

    public long gid() {
        String[] parts = user.split(":");
        return Long.parseLong(parts.length > 1 ? parts[1] : parts[0]);
    }
}
