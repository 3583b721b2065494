package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The paths the service answers, found in its build rather than listed by hand: every JAX-RS resource method (its
 * class's {@code @Path} and its own), every file of the jar under {@code META-INF/resources}, and every absolute link
 * of its pages and scripts (which is how the pages reach Quarkus' own {@code /q/swagger-ui} and {@code /q/openapi}).
 * A path template's variables ({@code {number}}) are given the sample value {@code x}.
 */
public final class Routes {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"(/[^\"{?#]*)|url: '(/[^'{?#]*)'");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*\\}");

    private Routes() {
    }

    /** Every resource method's path, with {@code x} for each variable. */
    public static Set<String> resources() {
        Set<String> paths = new TreeSet<>();
        for (Class<?> type : classes()) {
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                jakarta.ws.rs.Path own = method.getAnnotation(jakarta.ws.rs.Path.class);
                if (own != null || answersHttp(method)) {
                    paths.add(sample(join(root.value(), own == null ? "" : own.value())));
                }
            }
        }
        return paths;
    }

    /** The files the jar serves as they are: {@code META-INF/resources} of the build (the vendored scripts included). */
    public static Set<String> files() {
        Path root = CLASSES.resolve("META-INF").resolve("resources");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> "/" + root.relativize(f).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The absolute links of the page templates, the static pages and the scripts, up to a template expression or query. */
    public static Set<String> links() {
        Set<String> links = new TreeSet<>();
        for (Path folder : new Path[] { RESOURCES.resolve("templates"), RESOURCES.resolve("pages"), RESOURCES.resolve("META-INF/resources") }) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(html|js|css)")).toList()) {
                    Matcher link = LINK.matcher(Files.readString(file));
                    while (link.find()) {
                        links.add(link.group(1) != null ? link.group(1) : link.group(2));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return links;
    }

    private static boolean answersHttp(Method method) {
        return Stream.of(method.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
    }

    private static String join(String root, String own) {
        String path = ("/" + root + "/" + own).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String sample(String template) {
        return VARIABLE.matcher(template).replaceAll("x");
    }

    private static Set<Class<?>> classes() {
        Path root = CLASSES.resolve("com").resolve("etitle");
        Set<Class<?>> classes = new java.util.LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, Routes.class.getClassLoader()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }
}
