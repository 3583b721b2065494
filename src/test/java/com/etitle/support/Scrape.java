package com.etitle.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scrape of {@code /q/metrics} as Prometheus reads it (the text exposition format): each sample line is a series
 * name, its labels in braces, and a value. Comment lines ({@code # HELP}, {@code # TYPE}) are kept in {@link #text()}
 * only. Test classes share one service, so tests read a scrape before and after what they do and compare.
 */
public final class Scrape {

    /** One sample: a series name with its labels, and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final String text;
    private final List<Sample> samples;

    private Scrape(String text, List<Sample> samples) {
        this.text = text;
        this.samples = samples;
    }

    /** Scrapes the service now, as Prometheus does. */
    public static Scrape now() {
        String text = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
        return parse(text);
    }

    public static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            samples.add(sample(line));
        }
        return new Scrape(text, List.copyOf(samples));
    }

    /** The whole text as served, comments included. */
    public String text() {
        return text;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples of a series name. */
    public List<Sample> series(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /**
     * The sum of the samples of {@code name} whose labels include these ({@code "label", "value", …}); 0 when there is
     * none, as a counter not yet moved.
     */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return series(name).stream().filter(s -> s.labels().entrySet().containsAll(wanted.entrySet())).mapToDouble(Sample::value).sum();
    }

    /** How much {@code name} with these labels moved from {@code before} to this scrape. */
    public double since(Scrape before, String name, String... labels) {
        return value(name, labels) - before.value(name, labels);
    }

    /** Reads {@code name{a="x",b="y"} value [timestamp]}, with the format's escapes in label values. */
    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int equals = line.indexOf('=', i);
                String label = line.substring(i, equals).strip();
                assertThat(line.charAt(equals + 1)).as("a quoted label value in %s", line).isEqualTo('"');
                StringBuilder value = new StringBuilder();
                int j = equals + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char escaped = line.charAt(++j);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(label, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            rest = i + 1;
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String value = line.substring(rest).strip().split(" ")[0];
        return new Sample(name, Map.copyOf(labels), switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        });
    }
}
