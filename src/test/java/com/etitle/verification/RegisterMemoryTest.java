package com.etitle.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.Requests;
import com.etitle.support.TestEnvironment;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Signed forms verify from memory: with the register's tables locked by another session, so that any read of them
 * waits until the statement timeout and answers 503, a token and a credential still answer, with the status the
 * register holds, while the form that must read the register (number + name + code) cannot. When the listener's connection is cut, verification reads
 * the database at once (a change made behind the service's back is seen), and memory comes back by itself.
 */
@QuarkusTest
class RegisterMemoryTest {

    private static final String LISTENER = RegisterListener.APPLICATION_NAME + " " + ProcessHandle.current().pid();

    @Test
    void tokens_and_credentials_verify_while_every_table_they_would_read_is_locked() throws Exception {
        JsonPath valid = Api.issue("TEST-A", Requests.engineer());
        JsonPath suspended = Api.issue("TEST-A", Requests.engineer());
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType("application/json").body(Map.of("reason", "调查中"))
                .post("/api/v1/certificates/" + suspended.getString("number") + "/suspension").then().statusCode(200);
        // first verification of a number this replica has not seen issued reads it once; from then on it is known
        verifyAll(valid, suspended);

        try (Connection locker = DriverManager.getConnection(TestEnvironment.jdbcUrl(), "postgres", "postgres")) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE certificate, signing_key, authority, brake_bucket IN ACCESS EXCLUSIVE MODE");
            }
            for (int i = 0; i < 20; i++) {
                assertThat(Api.verify(Map.of("token", valid.getString("token"))).getString("result")).isEqualTo("VALID");
                assertThat(Api.verify(Map.of("credential", valid.getMap("credential"))).getString("result")).isEqualTo("VALID");
                JsonPath answer = Api.verify(Map.of("token", suspended.getString("token")));
                assertThat(answer.getString("result")).isEqualTo("CERTIFICATE_NOT_VALID");
                assertThat(answer.getString("certificate.status")).isEqualTo("SUSPENDED");
                assertThat(answer.getString("certificate.level")).isEqualTo("DEPUTY_SENIOR");
                assertThat(answer.getString("certificate.series")).isEqualTo("工程");
            }
            // the twin: the form that reads the register waits for the lock until the statement timeout, and says so
            Response byCode = given().contentType("application/json").body(byCode(valid)).post("/api/v1/verifications");
            locker.rollback();

            // a read of a locked table would have waited for the statement timeout and answered 503, as this one does
            assertThat(byCode.statusCode()).isEqualTo(503);
        }
    }

    @Test
    void with_the_listener_cut_verification_reads_the_database_and_memory_comes_back() throws Exception {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        Map<String, String> token = Map.of("token", issued.getString("token"));
        assertThat(Api.verify(token).getString("result")).isEqualTo("VALID");
        awaitListener();

        assertThat(Database.count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '" + LISTENER + "'"))
                .isEqualTo(1);
        // behind the service's back, so no replica waits for its own memory: only the database knows at once
        Database.update("UPDATE certificate SET status = 'REVOKED' WHERE number = '" + issued.getString("number") + "'");
        assertThat(Api.verify(token).getString("result")).isEqualTo("CERTIFICATE_NOT_VALID");

        awaitListener();
        JsonPath other = Api.issue("TEST-A", Requests.engineer());
        Map<String, String> otherToken = Map.of("token", other.getString("token"));
        assertThat(Api.verify(otherToken).getString("result")).isEqualTo("VALID");
        Database.update("UPDATE certificate SET status = 'SUSPENDED' WHERE number = '" + other.getString("number") + "'");
        // memory is back in step and hears the change made behind its back within the listener's heartbeat
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        String result;
        do {
            result = Api.verify(otherToken).getString("result");
        } while (!result.equals("CERTIFICATE_NOT_VALID") && System.nanoTime() < deadline);
        assertThat(result).isEqualTo("CERTIFICATE_NOT_VALID");
        try (Connection locker = DriverManager.getConnection(TestEnvironment.jdbcUrl(), "postgres", "postgres")) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE certificate, signing_key IN ACCESS EXCLUSIVE MODE");
            }
            assertThat(Api.verify(token).getString("result")).as("answered from memory again").isEqualTo("CERTIFICATE_NOT_VALID");
            locker.rollback();
        }
    }

    private static void verifyAll(JsonPath... issued) {
        for (JsonPath one : issued) {
            Api.verify(Map.of("token", one.getString("token")));
        }
    }

    private static Map<String, String> byCode(JsonPath issued) {
        return Map.of("certificateNumber", issued.getString("number"), "holderName", issued.getString("holderName"),
                "verificationCode", issued.getString("verificationCode"));
    }

    private static void awaitListener() throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Database.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + LISTENER + "' AND state = 'idle'") == 0) {
            assertThat(System.nanoTime()).as("the listener is connected again").isLessThan(deadline);
            Thread.sleep(50);
        }
        // connected is not yet loaded; the heartbeat is 0.2 s
        Thread.sleep(300);
    }
}
