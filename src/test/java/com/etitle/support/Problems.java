package com.etitle.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The RFC 9457 shape every error answer of the service has, checked the way a client sees it. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /**
     * Asserts the HTTP status, the problem+json media type, the {@code type}, {@code title} and {@code status}
     * members, the {@code requestId} member naming the request as its {@code X-Request-Id} header does, and that
     * nothing of the implementation (exception names, stack frames) leaks; returns the body.
     */
    public static JsonPath assertProblem(Response response, int status, String type) {
        String body = response.asString();
        assertThat(response.statusCode()).as("status of %s", body).isEqualTo(status);
        assertThat(mediaType(response)).as("media type").isEqualTo(MEDIA_TYPE);
        assertThat(body).doesNotContain("Exception", "java.", "at com.", "\tat ");
        JsonPath json = new JsonPath(body);
        assertThat(json.getString("type")).isEqualTo(type);
        assertThat(json.getString("title")).isNotBlank();
        assertThat(json.getInt("status")).isEqualTo(status);
        assertThat(json.getString("requestId")).as("requestId").isNotBlank().isEqualTo(response.header("X-Request-Id"));
        return json;
    }

    /** The media type without parameters such as charset. */
    public static String mediaType(Response response) {
        String contentType = response.contentType();
        return contentType == null ? "" : contentType.split(";")[0].trim();
    }
}
