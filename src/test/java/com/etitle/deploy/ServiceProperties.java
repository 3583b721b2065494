package com.etitle.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

/**
 * The configuration properties the service has, and so the environment variables it reads: its own (the keys of
 * {@code application.properties}, the {@code ${NAME:default}} variables those use, {@code @ConfigProperty} names,
 * {@code @ConfigMapping} interfaces and {@code System.getenv} names in {@code src/main/java}), Quarkus' (the
 * configuration model every extension's jar carries, with the phase of each property) and MicroProfile JWT's.
 *
 * <p>A property becomes an environment variable as SmallRye Config maps it: every character that is not a letter or a
 * digit becomes {@code _}, and the rest upper case ({@code quarkus.http.proxy.trusted-proxies} is
 * {@code QUARKUS_HTTP_PROXY_TRUSTED_PROXIES}). A map key (an authority code, a header name) may be anything.
 */
final class ServiceProperties {

    /** When a property is read: Quarkus fixes some at build time, and those cannot be changed by the environment. */
    enum Phase {
        RUN_TIME, BUILD_TIME
    }

    /** A property name with {@code *} for each map key. */
    record Property(String name, Phase phase, String source) {

        Pattern envPattern() {
            StringBuilder regex = new StringBuilder();
            for (String segment : segments(name)) {
                if (regex.length() > 0) {
                    regex.append('_');
                }
                regex.append(segment.equals("*") ? "[A-Z0-9_]+" : Pattern.quote(envName(segment)));
            }
            return Pattern.compile(regex.toString());
        }

        Pattern namePattern() {
            StringBuilder regex = new StringBuilder();
            for (String segment : segments(name)) {
                if (regex.length() > 0) {
                    regex.append("\\.");
                }
                regex.append(segment.equals("*") ? "(?:[^.\"]+|\"[^\"]+\")" : Pattern.quote(segment));
            }
            return Pattern.compile(regex.toString());
        }
    }

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::[^}]*)?}");

    private final List<Property> properties;
    /** Environment variables read by name, not through a property: {@code ${PORT:8080}}, {@code System.getenv("…")}. */
    private final Set<String> variables;

    private ServiceProperties(List<Property> properties, Set<String> variables) {
        this.properties = properties;
        this.variables = variables;
    }

    static ServiceProperties load() {
        List<Property> properties = new ArrayList<>();
        Set<String> variables = new LinkedHashSet<>();
        // Quarkus' and MicroProfile's first: application.properties also sets some of theirs, whose phase only the model knows
        quarkusProperties(properties);
        microProfileJwt(properties);
        ownProperties(properties, variables);
        return new ServiceProperties(properties, variables);
    }

    /** The property an environment variable sets, if the service has one; a variable read by name counts as its own. */
    Optional<Property> forVariable(String variable) {
        if (variables.contains(variable)) {
            return Optional.of(new Property(variable, Phase.RUN_TIME, "read by name"));
        }
        // an exact name first: QUARKUS_DATASOURCE_JDBC_URL is the default datasource's, not a named one's
        return properties.stream().filter(p -> !p.name().contains("*") && envName(p.name()).equals(variable)).findFirst()
                .or(() -> properties.stream().filter(p -> p.envPattern().matcher(variable).matches()).findFirst());
    }

    Optional<Property> forName(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst()
                .or(() -> properties.stream().filter(p -> p.namePattern().matcher(name).matches()).findFirst());
    }

    static String envName(String property) {
        StringBuilder env = new StringBuilder();
        for (char c : property.toCharArray()) {
            env.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return env.toString();
    }

    /** Dotted segments, a quoted one ({@code "header-name"}) or {@code *} standing for any map key. */
    private static List<String> segments(String name) {
        List<String> segments = new ArrayList<>();
        Matcher m = Pattern.compile("\"[^\"]*\"|[^.]+").matcher(name);
        while (m.find()) {
            String segment = m.group();
            segments.add(segment.startsWith("\"") || segment.equals("{*}") || segment.equals("*") ? "*" : segment.replace("[*]", ""));
        }
        return segments;
    }

    private static void ownProperties(List<Property> properties, Set<String> variables) {
        try {
            Properties defaults = new Properties();
            try (InputStream in = Files.newInputStream(APPLICATION_PROPERTIES)) {
                defaults.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String key : defaults.stringPropertyNames()) {
                String name = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
                properties.add(new Property(name, Phase.RUN_TIME, "application.properties"));
                Matcher expression = EXPRESSION.matcher(defaults.getProperty(key));
                while (expression.find()) {
                    String referenced = expression.group(1);
                    if (referenced.equals(envName(referenced))) {
                        variables.add(referenced);
                    }
                }
            }
            try (Stream<Path> files = Files.walk(SOURCES)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    CONFIG_PROPERTY.matcher(source).results()
                            .forEach(r -> properties.add(new Property(r.group(1), Phase.RUN_TIME, file.toString())));
                    GETENV.matcher(source).results().forEach(r -> variables.add(r.group(1)));
                    if (source.contains("@ConfigMapping")) {
                        String className = SOURCES.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                        Class<?> type = Class.forName(className);
                        mapping(type, type.getAnnotation(ConfigMapping.class).prefix(), properties, file.toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The properties of a {@code @ConfigMapping} interface: one per method, nested groups and maps followed. */
    private static void mapping(Class<?> type, String prefix, List<Property> properties, String source) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            String name = method.isAnnotationPresent(WithParentName.class) ? prefix
                    : prefix + "." + (method.isAnnotationPresent(WithName.class) ? method.getAnnotation(WithName.class).value()
                            : kebab(method.getName()));
            Type returned = unwrapOptional(method.getGenericReturnType());
            if (returned instanceof ParameterizedType map && map.getRawType() == Map.class) {
                Type value = unwrapOptional(map.getActualTypeArguments()[1]);
                if (value instanceof Class<?> group && group.isInterface() && !group.getName().startsWith("java.")) {
                    mapping(group, name + ".*", properties, source);
                } else {
                    properties.add(new Property(name + ".*", Phase.RUN_TIME, source));
                }
            } else if (returned instanceof Class<?> group && group.isInterface() && !group.getName().startsWith("java.")) {
                mapping(group, name, properties, source);
            } else {
                properties.add(new Property(name, Phase.RUN_TIME, source));
            }
        }
    }

    private static Type unwrapOptional(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == Optional.class ? p.getActualTypeArguments()[0] : type;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** Every property in the configuration model of the Quarkus extensions on the class path. */
    private static void quarkusProperties(List<Property> properties) {
        ObjectMapper json = new ObjectMapper();
        try {
            List<URL> models = Collections.list(ServiceProperties.class.getClassLoader()
                    .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json"));
            if (models.isEmpty()) {
                throw new IllegalStateException("no Quarkus configuration model on the class path");
            }
            for (URL model : models) {
                try (InputStream in = model.openStream()) {
                    collect(json.readTree(in), properties, model.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, List<Property> properties, String source) {
        if (node.isObject()) {
            JsonNode path = node.path("path");
            if (path.has("property")) {
                Phase phase = node.path("phase").asText().equals("RUN_TIME") ? Phase.RUN_TIME : Phase.BUILD_TIME;
                properties.add(new Property(path.get("property").asText(), phase, source));
                node.path("additionalPaths").forEach(p -> properties.add(new Property(p.path("property").asText(), phase, source)));
            }
            node.forEach(child -> collect(child, properties, source));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, properties, source));
        }
    }

    /** SmallRye JWT reads the {@code mp.jwt.*} properties of MicroProfile JWT through injected fields. */
    private static void microProfileJwt(List<Property> properties) {
        try {
            Class<?> provider = Class.forName("io.smallrye.jwt.config.JWTAuthContextInfoProvider");
            Map<String, Boolean> seen = new HashMap<>();
            for (Field field : provider.getDeclaredFields()) {
                ConfigProperty property = field.getAnnotation(ConfigProperty.class);
                if (property != null && seen.put(property.name(), true) == null) {
                    properties.add(new Property(property.name(), Phase.RUN_TIME, provider.getName()));
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("SmallRye JWT is not on the class path", e);
        }
    }
}
