package com.etitle.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import com.etitle.authority.Caller;
import com.etitle.common.SecretFiles;
import com.etitle.holder.Holder;

/**
 * The development identity provider of the zero-setup run: an RSA key in {@code <data>/dev-identity}
 * whose public half the service trusts only when it runs on its embedded database. It stands in for
 * the authority's real identity provider, minting the same kind of token (issuer, audience, expiry,
 * {@code groups} roles and the {@code authority} claim).
 */
public final class DevIdentity {

    public static final String ISSUER = "urn:etitle:dev-identity";
    public static final String AUDIENCE = "etitle";
    public static final String AUTHORITY_CLAIM = Caller.AUTHORITY_CLAIM;
    public static final String HOLDER_CLAIM = Holder.ID_NUMBER_CLAIM;

    private final Path dir;

    private DevIdentity(Path dir) {
        this.dir = dir;
    }

    /** Loads the identity in {@code folder}, generating it on first use. */
    public static DevIdentity in(Path folder) {
        DevIdentity identity = new DevIdentity(folder);
        if (!Files.exists(identity.privateKeyFile())) {
            identity.generate();
        }
        return identity;
    }

    public Path publicKeyFile() {
        return dir.resolve("public.pem");
    }

    private Path privateKeyFile() {
        return dir.resolve("private.pem");
    }

    private void generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            SecretFiles.write(privateKeyFile(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is always available", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signed token for {@code role} acting for {@code authority} (may be null for holder tokens). */
    public String mint(String subject, List<String> roles, String authority, Duration ttl) {
        return mint(subject, roles, authority, null, Instant.now(), ttl);
    }

    /** As {@link #mint}, claiming to be issued at {@code issuedAt} (a provider with a wrong clock), valid {@code ttl} after it. */
    public String mintIssuedAt(String subject, List<String> roles, String authority, Instant issuedAt, Duration ttl) {
        return mint(subject, roles, authority, null, issuedAt, ttl);
    }

    /** A holder's token: role {@code holder} and the hash of their ID number. */
    public String mintHolder(String subject, String idNumberHash, Duration ttl) {
        return mint(subject, List.of("holder"), null, idNumberHash, Instant.now(), ttl);
    }

    private String mint(String subject, List<String> roles, String authority, String idNumberHash, Instant now, Duration ttl) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(ISSUER);
            claims.setAudience(AUDIENCE);
            claims.setSubject(subject);
            claims.setJwtId(UUID.randomUUID().toString());
            claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
            claims.setExpirationTime(NumericDate.fromSeconds(now.plus(ttl).getEpochSecond()));
            claims.setStringListClaim("groups", roles);
            if (authority != null) {
                claims.setStringClaim(AUTHORITY_CLAIM, authority);
            }
            if (idNumberHash != null) {
                claims.setStringClaim(HOLDER_CLAIM, idNumberHash);
            }
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setKeyIdHeaderValue("dev-identity");
            jws.setHeader("typ", "JWT");
            jws.setKey(privateKey());
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign development token", e);
        }
    }

    private PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile());
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("corrupt development identity key " + privateKeyFile(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
