package com.etitle.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.etitle.support.IdCards;
import com.etitle.support.Problems;
import com.etitle.support.TestEnvironment;
import com.etitle.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Walks every operation of the committed contract ({@code openapi/openapi.yaml}) and sends, one place at a time, values a
 * careless or hostile client sends: each path, query and header parameter and each body property (nested ones too)
 * replaced by the wrong JSON type, control characters, overlong and empty text, huge numbers and odd Unicode, with a
 * bearer token of the role the operation needs. Whatever arrives, the service answers without a 5xx, every refusal
 * is problem+json (a page for people says it on the page), and a refused request writes nothing.
 */
@QuarkusTest
class BadInputOnEveryOperationTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "@@bad@@";

    /** Raw JSON put where a body property was: each is wrong for some field, most for all. */
    private static final List<String> BODY_VALUES = List.of(
            "123", "true", "1e400", "99999999999999999999999", "-1", "null", "[]", "{}", "\"\"", "\"\\u0000\"",
            "\"line\\r\\nforged: yes\"", "\"\\ud800\"", "\"\\u202e\\u200b\\ud842\\udfb7\\u0301\"", "\"" + "字".repeat(3000) + "\"");

    /** Raw URL text put where a path or query parameter was. */
    private static final List<String> URL_VALUES = List.of(
            "%00", "%0D%0Aforged:%20yes", "%FF", "%E2%80%AE%E2%80%8B", "-1", "99999999999999999999999", "1e400", "%20",
            "x".repeat(2000), "%C0%80");

    private static final List<String> HEADER_VALUES = List.of("", " ", "a\tb", "x".repeat(2000), "W/\"\"", "\"*\"");

    /** Every table a request can write to, but the verification log, which is written after the answer on purpose. */
    private static final String WRITES = "SELECT " + String.join(" + ", List.of("signing_key", "certificate", "idempotency_key",
            "audit_entry", "dishonesty_entry", "reissue_application", "void_declaration", "committee", "publicity_notice",
            "publicity_entry", "objection", "qualification_document", "qualification_document_entry", "certificate_batch",
            "verification_grant", "working_day_calendar_year").stream().map(t -> "(SELECT count(*) FROM " + t + ")").toList());

    private final List<String> failures = new ArrayList<>();
    private int requests;
    /** Rows written so far, read once after each request: the baseline of the next. */
    private long written;

    @Test
    void no_operation_answers_a_5xx_to_bad_input_and_a_refused_request_writes_nothing() throws Exception {
        JsonNode contract = YAML.readTree(Path.of("openapi", "openapi.yaml").toFile());
        JsonNode schemas = contract.path("components").path("schemas");
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(TestEnvironment.jdbcUrl(), "postgres", "postgres")) {
            written = writes(db);
            Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
                while (operations.hasNext()) {
                    Map.Entry<String, JsonNode> operation = operations.next();
                    if (List.of("get", "post", "put", "delete", "patch").contains(operation.getKey())) {
                        walk(db, path.getKey(), operation.getKey(), operation.getValue(), schemas);
                    }
                }
            }
        }
        System.out.printf("BadInputOnEveryOperationTest: %d requests in %d ms%n", requests, (System.nanoTime() - started) / 1_000_000);
        assertThat(failures).isEmpty();
        assertThat(requests).as("the walk reached every operation").isGreaterThan(1000);
    }

    private void walk(Connection db, String path, String method, JsonNode operation, JsonNode schemas) throws SQLException {
        // a page for people (its 200 is HTML) says what was wrong on the page itself, as the contract documents
        page = operation.path("responses").path("200").path("content").has("text/html;charset=utf-8");
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        Map<String, String> pathValues = new LinkedHashMap<>();
        parameters.stream().filter(p -> p.path("in").asText().equals("path"))
                .forEach(p -> pathValues.put(p.path("name").asText(), plausible(p.path("name").asText(), p.path("schema"))));
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        String body = bodySchema.isMissingNode() ? null : text(example(bodySchema, schemas, 0));
        String token = token(path, operation);

        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            switch (parameter.path("in").asText()) {
                case "path" -> {
                    for (String bad : URL_VALUES) {
                        Map<String, String> values = new LinkedHashMap<>(pathValues);
                        values.put(name, bad);
                        send(db, method, fill(path, values), token, body, r -> { }, "path " + name + "=" + shorten(bad));
                    }
                }
                case "query" -> {
                    for (String bad : URL_VALUES) {
                        send(db, method, fill(path, pathValues) + "?" + name + "=" + bad, token, body, r -> { },
                                "query " + name + "=" + shorten(bad));
                    }
                }
                case "header" -> {
                    for (String bad : HEADER_VALUES) {
                        send(db, method, fill(path, pathValues), token, body, r -> r.header(name, bad), "header " + name + "=" + shorten(bad));
                    }
                }
                default -> {
                }
            }
        }
        if (body != null) {
            JsonNode example = example(bodySchema, schemas, 0);
            for (List<Object> place : places(example, new ArrayList<>())) {
                JsonNode marked = example.deepCopy();
                set(marked, place, MARK);
                String template = text(marked);
                for (String bad : BODY_VALUES) {
                    send(db, method, fill(path, pathValues), token, template.replace("\"" + MARK + "\"", bad), r -> { },
                            "body " + place + "=" + shorten(bad));
                }
            }
            for (String whole : List.of("", "null", "[]", "\"text\"", "{", "{\"a\":1,\"a\":2}")) {
                send(db, method, fill(path, pathValues), token, whole, r -> { }, "body " + whole);
            }
        }
    }

    /** Whether the operation being walked is a page for people. */
    private boolean page;

    private void send(Connection db, String method, String url, String token, String body, Consumer<RequestSpecification> extra,
            String what) throws SQLException {
        long before = written;
        RequestSpecification request = given().urlEncodingEnabled(false).header("X-Forwarded-For", "198.18.0." + (requests % 250 + 1));
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        extra.accept(request);
        Response response = request.request(method.toUpperCase(), url);
        requests++;
        int status = response.statusCode();
        written = writes(db);
        String where = method.toUpperCase() + " " + url.substring(0, Math.min(url.length(), 120)) + " with " + what;
        if (status >= 500) {
            failures.add(where + " answered " + status + ": " + shorten(response.asString()));
        } else if (status >= 400) {
            boolean pageAnswer = page && response.contentType().startsWith("text/html");
            if (!Problems.MEDIA_TYPE.equals(Problems.mediaType(response)) && !pageAnswer) {
                failures.add(where + " answered " + status + " as " + response.contentType());
            }
            // a path that names another authority is 403 by design (its keys are not yours); anywhere else a 403 means the
            // walk chose the wrong role
            if (status == 403 && !what.startsWith("path code=")) {
                failures.add(where + " answered 403: the walk used the wrong role and tested less than it should");
            }
            if (written != before) {
                failures.add(where + " answered " + status + " but wrote " + (written - before) + " rows");
            }
        }
    }

    private static long writes(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(WRITES)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The role the operation's resource allows; the walk fails on any 403, so a wrong guess here cannot pass unseen. */
    private static String token(String path, JsonNode operation) {
        if (!operation.has("security") || operation.path("security").isEmpty()) {
            return null;
        }
        if (path.startsWith("/api/v1/me/")) {
            return Tokens.holder(IdCards.next());
        }
        List<String> registrar = List.of("/api/v1/publicity-notices", "/api/v1/qualification-documents", "/api/v1/committees",
                "/api/v1/working-day-calendar");
        return registrar.stream().anyMatch(path::startsWith) ? Tokens.withRole("registrar", "TEST-B") : Tokens.issuer("TEST-B");
    }

    /** A value of the right shape that names nothing that exists, so that only the value under test is wrong. */
    private static String plausible(String name, JsonNode schema) {
        String type = schema.path("type").asText();
        if (name.equals("year")) {
            return "2099";
        }
        if (name.equals("code")) {
            return "TEST-B";
        }
        if (type.equals("integer") || type.equals("number")) {
            return "987654321";
        }
        return name.equals("number") ? "20260000000000000" : "unknown";
    }

    private static String fill(String path, Map<String, String> values) {
        String url = path;
        for (Map.Entry<String, String> value : values.entrySet()) {
            url = url.replace("{" + value.getKey() + "}", value.getValue());
        }
        return url;
    }

    /** A body of the schema's shape: examples where the contract has them, else a value of the declared type. */
    private static JsonNode example(JsonNode schema, JsonNode schemas, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return example(schemas.path(name), schemas, depth);
        }
        if (schema.has("allOf")) {
            return example(schema.get("allOf").get(0), schemas, depth);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText();
        switch (type) {
            case "integer", "number":
                return nodes.numberNode(1);
            case "boolean":
                return nodes.booleanNode(true);
            case "array": {
                ArrayNode array = nodes.arrayNode();
                if (depth < 3) {
                    array.add(example(schema.path("items"), schemas, depth + 1));
                }
                return array;
            }
            case "object": {
                ObjectNode object = nodes.objectNode();
                if (depth < 3) {
                    schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), example(p.getValue(), schemas, depth + 1)));
                }
                return object;
            }
            default:
                return switch (schema.path("format").asText()) {
                    case "date" -> nodes.textNode("2026-03-02");
                    case "date-time" -> nodes.textNode("2026-03-02T09:00:00+08:00");
                    default -> nodes.textNode("测试");
                };
        }
    }

    /** Every place in the body a value can be: object members and the first element of arrays, at any depth. */
    private static List<List<Object>> places(JsonNode node, List<Object> at) {
        List<List<Object>> found = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(member -> {
                List<Object> here = new ArrayList<>(at);
                here.add(member.getKey());
                found.add(here);
                found.addAll(places(member.getValue(), here));
            });
        } else if (node.isArray() && !node.isEmpty()) {
            List<Object> here = new ArrayList<>(at);
            here.add(0);
            found.add(here);
            found.addAll(places(node.get(0), here));
        }
        return found;
    }

    private static void set(JsonNode root, List<Object> place, String value) {
        JsonNode parent = root;
        for (Object step : place.subList(0, place.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = place.get(place.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, JsonNodeFactory.instance.textNode(value));
        } else {
            ((ObjectNode) parent).put((String) last, value);
        }
    }

    private static String text(JsonNode node) {
        return node.toString();
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
    }
}
