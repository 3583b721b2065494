package com.etitle.authority;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.etitle.audit.AuditLog;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.common.RegisterChanged;
import com.etitle.common.SecretFiles;
import com.etitle.crypto.CryptoException;
import com.etitle.crypto.KeyAlgorithm;
import com.etitle.crypto.Keys;
import com.etitle.crypto.Signer;
import com.etitle.crypto.Verifier;

/**
 * The private keys this replica can sign with, and verifiers for every registered public key.
 * Private keys are read from the key folder (mounted in production, generated in the zero-setup run)
 * and held only in memory; the database holds the public halves and the status of every version, which
 * is what every replica verifies against.
 */
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class);
    private static final Pattern KEY_FILE = Pattern.compile("v([1-9][0-9]{0,5})\\.(pem|p12)");

    /** A key version with the signer for it. */
    public record Signing(SigningKey key, Signer signer) {
    }

    private final KeysConfig config;
    private final Clock clock;
    private final AuditLog audit;
    private final EntityManager em;
    private final Map<String, Signer> signers = new ConcurrentHashMap<>();
    private final Map<String, Verifier> verifiers = new ConcurrentHashMap<>();
    private final Event<RegisterChanged> changes;

    KeyRing(KeysConfig config, Clock clock, AuditLog audit, EntityManager em, Event<RegisterChanged> changes) {
        this.config = config;
        this.changes = changes;
        this.clock = clock;
        this.audit = audit;
        this.em = em;
    }

    /** Loads the key files of the authority, registering new versions; generates v1 if it has none and generation is on. */
    @Transactional
    public void load(Authority authority) {
        Authority locked = em.find(Authority.class, authority.id, LockModeType.PESSIMISTIC_WRITE);
        List<Path> files = keyFiles(locked);
        for (Path file : files) {
            Matcher m = KEY_FILE.matcher(file.getFileName().toString());
            m.matches();
            Keys.PrivateKey key = read(file, locked);
            register(locked, Integer.parseInt(m.group(1)), key, "system");
        }
        if (files.isEmpty()) {
            if (config.generate()) {
                generate(locked, "system");
            } else {
                LOG.warnf("Authority %s has no key files in %s: it can verify but not issue", locked.code, authorityDir(locked));
            }
        }
    }

    /** The newest active version this replica holds the private key of. */
    @Transactional
    public Signing current(Authority authority) {
        return currentIfAny(authority).orElseThrow(() -> new ProblemException(ProblemType.NO_SIGNING_KEY,
                "detail.key.none-active", authority.code));
    }

    /** The same, or empty for an authority that can verify but not sign here (no key file mounted). */
    @Transactional
    public Optional<Signing> currentIfAny(Authority authority) {
        for (SigningKey key : SigningKey.listFor(authority)) {
            Signer signer = signers.get(key.kid);
            if (key.status == SigningKey.Status.ACTIVE && signer != null) {
                return Optional.of(new Signing(key, signer));
            }
        }
        return Optional.empty();
    }

    /** A new version; certificates issued from now on use it, earlier ones keep verifying with theirs. */
    @Transactional
    public SigningKey rotate(Authority authority, String actor) {
        if (!config.generate()) {
            throw new ProblemException(ProblemType.KEY_GENERATION_DISABLED, "detail.key.mounted", authority.code);
        }
        return generate(em.find(Authority.class, authority.id, LockModeType.PESSIMISTIC_WRITE), actor);
    }

    /** Marks a version compromised: nothing it signed verifies any more. */
    @Transactional
    public SigningKey compromise(SigningKey key, String actor) {
        SigningKey managed = em.find(SigningKey.class, key.id, LockModeType.PESSIMISTIC_WRITE);
        if (managed.status != SigningKey.Status.COMPROMISED) {
            managed.status = SigningKey.Status.COMPROMISED;
            managed.compromisedAt = clock.instant();
            audit.append(actor, managed.authority.code, "key.compromised", managed.kid, Map.of("version", managed.version));
            changes.fire(RegisterChanged.written(em));
        }
        return managed;
    }

    /** Verifier for a key version; public keys never change for a kid, so the parse is cached. */
    public Verifier verifier(SigningKey key) {
        return verifier(key.kid, key.algorithm, key.publicKey);
    }

    /** The same, from the columns of a key version's row. */
    public Verifier verifier(String kid, KeyAlgorithm algorithm, byte[] publicKey) {
        return verifiers.computeIfAbsent(kid, k -> Keys.verifier(algorithm, publicKey));
    }

    private SigningKey generate(Authority authority, String actor) {
        int next = SigningKey.listFor(authority).stream().mapToInt(k -> k.version).max().orElse(0) + 1;
        Keys.PrivateKey key = Keys.generate(authority.algorithm);
        Path file = authorityDir(authority).resolve("v" + next + ".pem");
        SecretFiles.write(file, key.toPem());
        LOG.infof("Generated signing key %s (%s) in %s", SigningKey.kidOf(authority.code, next), authority.algorithm, file);
        return register(authority, next, key, actor);
    }

    private SigningKey register(Authority authority, int version, Keys.PrivateKey key, String actor) {
        byte[] spki = key.publicKeySpki();
        String kid = SigningKey.kidOf(authority.code, version);
        SigningKey row = SigningKey.<SigningKey>find("authority = ?1 and version = ?2", authority, version).firstResultOptional()
                .orElse(null);
        if (row == null) {
            row = new SigningKey();
            row.authority = authority;
            row.version = version;
            row.kid = kid;
            row.algorithm = key.algorithm();
            row.publicKey = spki;
            row.status = SigningKey.Status.ACTIVE;
            row.createdAt = clock.instant();
            row.persist();
            audit.append(actor, authority.code, "key.registered", kid, Map.of("version", version, "algorithm", key.algorithm().name()));
        } else if (!Arrays.equals(row.publicKey, spki)) {
            throw new CryptoException("key file v" + version + " of " + authority.code
                    + " does not match the public key registered for " + kid + "; refusing to sign with it");
        }
        signers.put(kid, key.signer());
        return row;
    }

    private Keys.PrivateKey read(Path file, Authority authority) {
        try {
            if (file.getFileName().toString().endsWith(".p12")) {
                char[] password = config.pkcs12Password().orElse("").toCharArray();
                return Keys.fromPkcs12(Files.readAllBytes(file), password, authority.algorithm);
            }
            return Keys.fromPem(Files.readString(file, StandardCharsets.US_ASCII), authority.algorithm);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        } catch (CryptoException e) {
            throw new CryptoException("key file " + file + ": " + e.getMessage(), e);
        }
    }

    private List<Path> keyFiles(Authority authority) {
        Path dir = authorityDir(authority);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> KEY_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private Path authorityDir(Authority authority) {
        Path root = config.dir().orElseThrow(() -> new IllegalStateException(
                "etitle.keys.dir is not set: mount the authorities' private keys and point ETITLE_KEYS_DIR at them"));
        return root.resolve(authority.code);
    }
}
