package com.etitle.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A caller that hangs up in the middle of its body is no failure of ours: nothing is written and no error is logged
 * (an operator alerting on ERROR lines would otherwise be paged by every impatient client).
 */
@QuarkusTest
class ClientHangUpTest {

    private static final Path LOG_FILE = Path.of("target/etitle-test.log");

    @Test
    void a_body_cut_off_by_the_caller_closing_the_connection_logs_no_error() throws Exception {
        long before = Files.size(LOG_FILE);
        for (int i = 0; i < 5; i++) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/verifications HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 5000\r\n\r\n{\"token\": \"eyJhbGciOiJFZERTQSJ9").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100);
            }
        }
        Thread.sleep(1_000);

        byte[] all = Files.readAllBytes(LOG_FILE);
        String written = new String(all, (int) Math.min(before, all.length), (int) Math.max(0, all.length - before), StandardCharsets.UTF_8);
        assertThat(written).doesNotContain("Unhandled error").doesNotContain("ERROR");
    }
}
