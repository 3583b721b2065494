package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service listening where its public URL says, for tests that follow the URLs in what it publishes (a
 * verifier dereferencing an issuer id, a status list, a context) instead of calling endpoints by path. The
 * {@code test} profile keeps {@code http://localhost:8081} as public URL on a random port, so such links
 * would lead nowhere; here both come from one free port, picked once per test JVM so that every test class
 * using this profile shares one application.
 */
public class PublicUrlProfile implements QuarkusTestProfile {

    private static final int PORT = freePort();

    /** The public URL, which is also where the test application listens. */
    public static String publicUrl() {
        return "http://localhost:" + PORT;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.test-port", String.valueOf(PORT), "etitle.public-url", publicUrl());
    }

    private static int freePort() {
        // the port is free when this socket closes; the application binds it moments later, before anything
        // else on the machine is likely to take it
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
