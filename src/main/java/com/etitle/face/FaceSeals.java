package com.etitle.face;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.etitle.audit.AuditLog;
import com.etitle.authority.Authority;
import com.etitle.authority.KeysConfig;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.common.SecretFiles;
import com.etitle.crypto.CryptoException;
import com.etitle.crypto.ElectronicSeal;
import com.etitle.crypto.SealKey;

/**
 * The authorities' electronic seals (GB/T 38540), one per authority, next to its other keys:
 * {@code <etitle.keys.dir>/<CODE>/seal.p12} (the SM2 key that seals, with its chain up to the authority's seal root;
 * PKCS#12, password {@code etitle.keys.pkcs12-password}) and {@code <CODE>/seal.esl} (the seal itself, DER
 * {@code SESeal}, listing that key's certificate and signed by the seal maker).
 *
 * <p>In production both are mounted: the seal is made by the authority's seal maker (制章系统) and the service only
 * uses it. Where {@code etitle.keys.generate} is on (the zero-setup run, tests), the service is its own seal maker: it
 * generates a seal root certifying a signing key and a maker key, draws the seal's picture ({@link SealPicture}),
 * makes and signs the seal, writes both files and drops the root's and the maker's private keys. Generation runs under
 * a lock on the authority's row, so replicas sharing the folder agree on one seal. Without a usable seal a face
 * answers {@code document-signing-unavailable} (503).
 */
@ApplicationScoped
public class FaceSeals {

    public static final String KEY_FILE = "seal.p12";
    public static final String SEAL_FILE = "seal.esl";
    private static final Logger LOG = Logger.getLogger(FaceSeals.class);

    private final KeysConfig config;
    private final Clock clock;
    private final AuditLog audit;
    private final EntityManager em;
    private final Map<String, FaceSealer> sealers = new ConcurrentHashMap<>();

    FaceSeals(KeysConfig config, Clock clock, AuditLog audit, EntityManager em) {
        this.config = config;
        this.clock = clock;
        this.audit = audit;
        this.em = em;
    }

    /** The authority's sealer, read once from the key folder (or made there, drawing with the font) and then kept in memory. */
    public FaceSealer forAuthority(String code, Supplier<FaceFont> font) {
        FaceSealer sealer = sealers.get(code);
        return sealer != null ? sealer : load(code, font);
    }

    @Transactional
    FaceSealer load(String code, Supplier<FaceFont> font) {
        Authority authority = Authority.findByCode(code)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "detail.authority.unknown"));
        Optional<Path> dir = config.dir().map(keys -> keys.resolve(code));
        if (dir.isPresent() && !Files.exists(dir.get().resolve(KEY_FILE)) && config.generate()) {
            // replicas sharing the key folder make the seal one after another; the later ones find the files
            em.find(Authority.class, authority.id, LockModeType.PESSIMISTIC_WRITE);
        }
        FaceSealer cached = sealers.get(code);
        if (cached != null) {
            return cached;
        }
        FaceSealer sealer = dir.filter(d -> Files.exists(d.resolve(KEY_FILE)) || Files.exists(d.resolve(SEAL_FILE)))
                .map(this::read)
                .orElseGet(() -> make(authority, dir, font));
        sealers.put(code, sealer);
        return sealer;
    }

    private FaceSealer read(Path dir) {
        Path keyFile = dir.resolve(KEY_FILE);
        Path sealFile = dir.resolve(SEAL_FILE);
        if (!Files.exists(keyFile) || !Files.exists(sealFile)) {
            throw new ProblemException(ProblemType.DOCUMENT_SIGNING_UNAVAILABLE, "detail.seal.missing", dir.getFileName().toString(),
                    KEY_FILE, SEAL_FILE);
        }
        try {
            SealKey key = SealKey.fromPkcs12(Files.readAllBytes(keyFile), password());
            ElectronicSeal seal = ElectronicSeal.parse(Files.readAllBytes(sealFile));
            if (!seal.lists(key.certificate())) {
                throw new CryptoException("the seal " + seal.id() + " does not list the certificate of " + keyFile.getFileName());
            }
            Instant now = clock.instant();
            if (now.isBefore(seal.validStart()) || now.isAfter(seal.validEnd())) {
                throw new CryptoException("the seal " + seal.id() + " is valid from " + seal.validStart() + " to " + seal.validEnd());
            }
            return new FaceSealer(key, seal);
        } catch (IOException | UncheckedIOException | CryptoException e) {
            LOG.errorf(e, "Cannot use the electronic seal in %s", dir);
            throw new ProblemException(ProblemType.DOCUMENT_SIGNING_UNAVAILABLE, "detail.seal.unreadable");
        }
    }

    private FaceSealer make(Authority authority, Optional<Path> dir, Supplier<FaceFont> font) {
        if (dir.isEmpty() || !config.generate()) {
            throw new ProblemException(ProblemType.DOCUMENT_SIGNING_UNAVAILABLE, "detail.seal.missing", authority.code, KEY_FILE, SEAL_FILE);
        }
        FaceSealer sealer = FaceSealer.generate(authority.code, authority.name, clock.instant(), font.get());
        SecretFiles.write(dir.get().resolve(KEY_FILE), sealer.key().toPkcs12(password()));
        SecretFiles.write(dir.get().resolve(SEAL_FILE), sealer.seal().encoded());
        String id = sealer.seal().id();
        String root = FaceSigners.rootFingerprint(sealer.key().chain());
        LOG.infof("Made the electronic seal %s of %s in %s (seal root SHA-256 %s)", id, authority.code, dir.get(), root);
        audit.append("system", authority.code, "seal.generated", authority.code, Map.of("sealId", id, "rootSha256", root));
        return sealer;
    }

    private char[] password() {
        return config.pkcs12Password().orElse("").toCharArray();
    }
}
