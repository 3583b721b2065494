package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.etitle.boot.DevIdentity;
import com.etitle.support.Api;
import com.etitle.support.Numbers;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.TestEnvironment;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class AuthenticationTest {

    private static final KeyPair ATTACKER = rsaKeyPair();
    private static String numberOfTestA;

    /** The two authority-side operations, each with a request that succeeds for a TEST-A issuer. */
    enum Endpoint {
        ISSUE(201) {
            @Override
            Response call(RequestSpecification request) {
                return request.contentType(ContentType.JSON).body(Requests.engineer()).when().post("/api/v1/certificates");
            }
        },
        READ(200) {
            @Override
            Response call(RequestSpecification request) {
                return request.when().get("/api/v1/certificates/{number}", numberOfTestA());
            }
        };

        final int success;

        Endpoint(int success) {
            this.success = success;
        }

        abstract Response call(RequestSpecification request);

        Response with(String bearerToken) {
            RequestSpecification request = given();
            return call(bearerToken == null ? request : request.header("Authorization", "Bearer " + bearerToken));
        }
    }

    // --- who may call at all

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void a_valid_issuer_token_is_accepted(Endpoint endpoint) {
        assertThat(endpoint.with(Tokens.issuer("TEST-A")).statusCode()).isEqualTo(endpoint.success);
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void a_token_built_by_this_test_and_signed_by_the_trusted_key_is_accepted(Endpoint endpoint) {
        // the twin of every forgery below: the same claims and builder pass when only the trusted key signs
        String token = signed(issuerClaims(), AlgorithmIdentifiers.RSA_USING_SHA256, trustedKey(), jws -> {
        });

        assertThat(endpoint.with(token).statusCode()).isEqualTo(endpoint.success);
    }

    static Stream<Arguments> unacceptableTokens() {
        List<Named<Supplier<String>>> tokens = List.of(
                Named.of("no token", () -> null),
                Named.of("garbage", () -> "not.a.jwt"),
                Named.of("signed by another RSA key", () -> signed(issuerClaims(), AlgorithmIdentifiers.RSA_USING_SHA256,
                        ATTACKER.getPrivate(), jws -> {
                        })),
                Named.of("alg none, unsigned", AuthenticationTest::unsigned),
                Named.of("expired beyond the clock skew", () -> trusted(claims -> {
                    claims.setIssuedAt(NumericDate.fromSeconds(now() - 600));
                    claims.setExpirationTime(NumericDate.fromSeconds(now() - 120));
                })),
                Named.of("for another audience", () -> trusted(claims -> claims.setAudience("another-service"))),
                Named.of("from another issuer", () -> trusted(claims -> claims.setIssuer("urn:attacker:identity"))),
                Named.of("carrying and signed by its own jwk", AuthenticationTest::withEmbeddedAttackerKey),
                Named.of("HS256 keyed with the public key PEM", () -> hmacKeyedWith(publicKeyFileBytes())),
                Named.of("HS256 keyed with the public key DER", () -> hmacKeyedWith(publicKeyDer())));
        return Stream.of(Endpoint.values()).flatMap(endpoint -> tokens.stream().map(token -> Arguments.of(token, endpoint)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("unacceptableTokens")
    void an_unacceptable_token_is_unauthenticated(Supplier<String> token, Endpoint endpoint) {
        Response response = endpoint.with(token.get());

        Problems.assertProblem(response, 401, "/problems/unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    // --- what an authenticated caller may do

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("otherRolesOnBothEndpoints")
    void a_valid_token_without_the_issuer_role_is_forbidden(String role, Endpoint endpoint) {
        Response response = endpoint.with(Tokens.withRole(role, "TEST-A"));

        Problems.assertProblem(response, 403, "/problems/forbidden");
    }

    static Stream<Arguments> otherRolesOnBothEndpoints() {
        return Stream.of("registrar", "holder").flatMap(role -> Stream.of(Endpoint.values()).map(endpoint -> Arguments.of(role, endpoint)));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void an_issuer_of_an_unregistered_authority_is_forbidden(Endpoint endpoint) {
        Problems.assertProblem(endpoint.with(Tokens.issuer("TEST-UNREGISTERED")), 403, "/problems/forbidden");
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void an_issuer_token_naming_no_authority_is_forbidden(Endpoint endpoint) {
        String token = TestEnvironment.identity().mint("officer", List.of("issuer"), null, Duration.ofMinutes(5));

        Problems.assertProblem(endpoint.with(token), 403, "/problems/forbidden");
    }

    /**
     * Another authority's certificate answers 404 exactly like a number nobody issued, so an issuer cannot
     * probe which numbers exist at other authorities.
     */
    @Test
    void another_authoritys_certificate_is_not_found_like_an_unknown_number() {
        String ofTestA = numberOfTestA();
        String unknown = Numbers.unknownLike(ofTestA);

        Response own = given().auth().oauth2(Tokens.issuer("TEST-A")).when().get("/api/v1/certificates/{number}", ofTestA);
        Response others = given().auth().oauth2(Tokens.issuer("TEST-B")).when().get("/api/v1/certificates/{number}", ofTestA);
        Response nobodys = given().auth().oauth2(Tokens.issuer("TEST-B")).when().get("/api/v1/certificates/{number}", unknown);

        assertThat(own.statusCode()).isEqualTo(200);
        JsonPath othersProblem = Problems.assertProblem(others, 404, "/problems/not-found");
        JsonPath nobodysProblem = Problems.assertProblem(nobodys, 404, "/problems/not-found");
        assertThat(withoutInstance(othersProblem)).isEqualTo(withoutInstance(nobodysProblem));
        assertThat(others.asString()).doesNotContain("张三", "TEST-A");
    }

    // --- tokens

    private static synchronized String numberOfTestA() {
        if (numberOfTestA == null) {
            numberOfTestA = Api.issue("TEST-A", Requests.engineer()).getString("number");
        }
        return numberOfTestA;
    }

    /** Everything a TEST-A issuer token carries, valid for five minutes. */
    private static JwtClaims issuerClaims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(DevIdentity.ISSUER);
        claims.setAudience(DevIdentity.AUDIENCE);
        claims.setSubject("officer-TEST-A");
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(now()));
        claims.setExpirationTime(NumericDate.fromSeconds(now() + 300));
        claims.setStringListClaim("groups", List.of("issuer"));
        claims.setStringClaim(DevIdentity.AUTHORITY_CLAIM, "TEST-A");
        return claims;
    }

    /** Issuer claims with one change, signed by the key the service trusts. */
    private static String trusted(Consumer<JwtClaims> change) {
        JwtClaims claims = issuerClaims();
        change.accept(claims);
        return signed(claims, AlgorithmIdentifiers.RSA_USING_SHA256, trustedKey(), jws -> {
        });
    }

    private static String signed(JwtClaims claims, String algorithm, Key key, Consumer<JsonWebSignature> header) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setHeader("typ", "JWT");
            header.accept(jws);
            jws.setKey(key);
            jws.setDoKeyValidation(false);
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned() {
        return signed(issuerClaims(), AlgorithmIdentifiers.NONE, null, jws -> {
        });
    }

    private static String withEmbeddedAttackerKey() {
        return signed(issuerClaims(), AlgorithmIdentifiers.RSA_USING_SHA256, ATTACKER.getPrivate(), jws -> {
            try {
                jws.setJwkHeader(PublicJsonWebKey.Factory.newPublicJwk(ATTACKER.getPublic()));
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The algorithm-confusion forgery: the trusted RSA public key used as an HMAC secret. */
    private static String hmacKeyedWith(byte[] secret) {
        return signed(issuerClaims(), AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(secret), jws -> {
        });
    }

    private static Path publicKeyFile() {
        return TestEnvironment.identity().publicKeyFile();
    }

    private static byte[] publicKeyFileBytes() {
        try {
            return Files.readAllBytes(publicKeyFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] publicKeyDer() {
        return pemBody(new String(publicKeyFileBytes(), StandardCharsets.US_ASCII));
    }

    /** The identity provider's private key, written next to the public one by {@link DevIdentity}. */
    private static Key trustedKey() {
        try {
            String pem = Files.readString(publicKeyFile().resolveSibling("private.pem"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pemBody(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static Map<String, Object> withoutInstance(JsonPath problem) {
        Map<String, Object> body = new LinkedHashMap<>(problem.getMap(""));
        body.remove("instance");
        // each answer's own id, whatever it answers
        body.remove("requestId");
        return body;
    }
}
