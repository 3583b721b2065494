package com.etitle.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a production replica writes to its console, read as a log collector reads it: one JSON object per line
 * (quarkus-logging-json), each parsed on its own.
 */
public final class JsonLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One log record: the line as written and its JSON members. */
    public record Line(String text, JsonNode json) {

        public String level() {
            return json.path("level").asText();
        }

        public String message() {
            return json.path("message").asText();
        }

        public String thread() {
            return json.path("threadName").asText();
        }

        /** The id of the request during which it was logged ({@code mdc.requestId}), or null if it was logged outside one. */
        public String requestId() {
            JsonNode id = json.path("mdc").path("requestId");
            return id.isTextual() ? id.asText() : null;
        }
    }

    private JsonLog() {
    }

    /** Every line of {@code output}; fails on the first that is not one JSON object with a level and a message. */
    public static List<Line> parse(String output) {
        return output.lines().map(JsonLog::line).toList();
    }

    private static Line line(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return fail("a console line that is not JSON: %s", text);
        }
        assertThat(json != null && json.isObject()).as("a console line that is not one JSON object: %s", text).isTrue();
        assertThat(json.path("level").isTextual() && json.path("message").isTextual()).as("level and message of %s", text).isTrue();
        return new Line(text, json);
    }
}
