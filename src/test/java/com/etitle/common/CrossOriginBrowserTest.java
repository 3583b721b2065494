package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.etitle.support.Browser;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * An employer's page on another origin, in a real browser: headless Chromium loads it from a small server of this
 * test on 127.0.0.1, and its script calls the service on localhost, another origin. What the page could read is
 * written into its DOM, which the test reads back.
 */
@QuarkusTest
class CrossOriginBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_page_on_another_origin_verifies_a_certificate_but_cannot_read_an_authority_endpoint() throws IOException {
        JsonNode issued = JSON.readTree(given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Requests.engineer())
                .when().post("/api/v1/certificates").then().statusCode(201).extract().asString());
        String number = issued.path("number").asText();
        String token = Tokens.issuer("TEST-A");
        // the twin's call is a good one: outside a browser the same request with the same token reads the certificate
        given().auth().oauth2(token).when().get("/api/v1/certificates/" + number).then().statusCode(200);

        String dom = inBrowser(page(issued.path("credential"), number, token));

        assertThat(shown(dom, "verification")).isEqualTo("verification: VALID " + number);
        assertThat(shown(dom, "vcapi")).isEqualTo("vc-api: verified=true");
        assertThat(shown(dom, "jwks")).matches("jwks: keys=[1-9][0-9]*");
        assertThat(shown(dom, "authority")).isEqualTo("authority: failed TypeError");
    }

    /** The text of the page's paragraph with that id, as the script left it (the script's own text is not read). */
    private static String shown(String dom, String id) {
        Matcher m = Pattern.compile("<p id=\"" + id + "\">([^<]*)</p>").matcher(dom);
        assertThat(m.find()).as("paragraph %s in %s", id, dom).isTrue();
        return m.group(1);
    }

    /**
     * The page's script: a verification posted as JSON (which makes the browser send a preflight first), the same
     * credential through the VC API, a public read, and the authority endpoint called with the issuer's token.
     */
    private static String page(JsonNode credential, String number, String token) throws IOException {
        String service = "http://localhost:" + RestAssured.port;
        return """
                <!doctype html>
                <html><head><meta charset="utf-8"><title>employer</title></head><body>
                <p id="verification">verification: pending</p>
                <p id="vcapi">vc-api: pending</p>
                <p id="jwks">jwks: pending</p>
                <p id="authority">authority: pending</p>
                <script>
                const service = %s;
                const credential = %s;
                function show(id, text) { document.getElementById(id).textContent = text; }
                async function post(path, body) {
                  const response = await fetch(service + path,
                      {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
                  return response.json();
                }
                async function run() {
                  try {
                    const answer = await post("/api/v1/verifications", {credential});
                    show("verification", "verification: " + answer.result + " " + answer.certificate.certificateNumber);
                  } catch (e) { show("verification", "verification: failed " + e.name); }
                  try {
                    const answer = await post("/credentials/verify", {verifiableCredential: credential});
                    show("vcapi", "vc-api: verified=" + answer.verified);
                  } catch (e) { show("vcapi", "vc-api: failed " + e.name); }
                  try {
                    const jwks = await (await fetch(service + "/.well-known/jwks.json")).json();
                    show("jwks", "jwks: keys=" + jwks.keys.length);
                  } catch (e) { show("jwks", "jwks: failed " + e.name); }
                  try {
                    const response = await fetch(service + "/api/v1/certificates/" + %s, {headers: {"Authorization": "Bearer " + %s}});
                    show("authority", "authority: read " + response.status + " " + (await response.text()).length);
                  } catch (e) { show("authority", "authority: failed " + e.name); }
                }
                run();
                </script>
                </body></html>
                """.formatted(script(service), script(credential), script(number), script(token));
    }

    /** A value as a JavaScript literal inside a script element: JSON, with '<' escaped so no text can close the element. */
    private static String script(Object value) throws IOException {
        return JSON.writeValueAsString(value).replace("<", "\\u003c");
    }

    /** Serves the page on 127.0.0.1 (another origin than the service's localhost) while Chromium loads it. */
    private static String inBrowser(String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        server.start();
        try {
            return Browser.domAfterScripts("http://127.0.0.1:" + server.getAddress().getPort() + "/employer.html");
        } finally {
            server.stop(0);
        }
    }
}
