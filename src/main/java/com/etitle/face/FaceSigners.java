package com.etitle.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
import com.etitle.crypto.X509SigningKey;
import com.etitle.crypto.Hashes;

/**
 * The authorities' document-signing keys, one per authority, next to its credential keys:
 * {@code <etitle.keys.dir>/<CODE>/document-signing.p12} (leaf key with its chain, PKCS#12, password
 * {@code etitle.keys.pkcs12-password}). Mounted in production; generated on first use where
 * {@code etitle.keys.generate} is on, under a lock on the authority's row so that replicas sharing the folder
 * agree on one chain. Without a key a document answers {@code document-signing-unavailable} (503), never a
 * document signed with something else.
 */
@ApplicationScoped
public class FaceSigners {

    public static final String FILE = "document-signing.p12";
    private static final Logger LOG = Logger.getLogger(FaceSigners.class);

    private final KeysConfig config;
    private final Clock clock;
    private final AuditLog audit;
    private final EntityManager em;
    private final Map<String, FaceSigner> signers = new ConcurrentHashMap<>();

    FaceSigners(KeysConfig config, Clock clock, AuditLog audit, EntityManager em) {
        this.config = config;
        this.clock = clock;
        this.audit = audit;
        this.em = em;
    }

    /** The authority's signer, read once from the key folder (or generated there) and then kept in memory. */
    public FaceSigner forAuthority(String code) {
        FaceSigner signer = signers.get(code);
        return signer != null ? signer : load(code);
    }

    /**
     * The authority's signer if this service holds its key, never generating one: what an uploaded document is checked
     * against, so that a stranger's file cannot make the service create keys. Empty for an unknown authority.
     */
    public Optional<FaceSigner> existing(String code) {
        FaceSigner signer = signers.get(code);
        if (signer != null) {
            return Optional.of(signer);
        }
        if (file(code).filter(Files::exists).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(load(code));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    @Transactional
    FaceSigner load(String code) {
        Authority authority = Authority.findByCode(code)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "detail.authority.unknown"));
        Optional<Path> file = file(code);
        if (file.isPresent() && !Files.exists(file.get()) && config.generate()) {
            // replicas sharing the key folder generate one after another; the later ones find the file
            em.find(Authority.class, authority.id, LockModeType.PESSIMISTIC_WRITE);
        }
        FaceSigner cached = signers.get(code);
        if (cached != null) {
            return cached;
        }
        X509SigningKey key = file.filter(Files::exists).map(this::read).orElseGet(() -> generate(authority, file));
        FaceSigner signer = new FaceSigner(key);
        signers.put(code, signer);
        return signer;
    }

    private X509SigningKey read(Path file) {
        try {
            return X509SigningKey.fromPkcs12(Files.readAllBytes(file), password());
        } catch (IOException | CryptoException e) {
            LOG.errorf(e, "Cannot use the document-signing key file %s", file);
            throw new ProblemException(ProblemType.DOCUMENT_SIGNING_UNAVAILABLE, "detail.document-key.unreadable");
        }
    }

    private X509SigningKey generate(Authority authority, Optional<Path> file) {
        if (file.isEmpty() || !config.generate()) {
            throw new ProblemException(ProblemType.DOCUMENT_SIGNING_UNAVAILABLE, "detail.document-key.missing", authority.code, FILE);
        }
        X509SigningKey key = X509SigningKey.generate(authority.code, authority.name, clock.instant());
        SecretFiles.write(file.get(), key.toPkcs12(password()));
        String root = rootFingerprint(key.chain());
        LOG.infof("Generated the document-signing chain of %s in %s (root SHA-256 %s)", authority.code, file.get(), root);
        audit.append("system", authority.code, "document-key.generated", authority.code, Map.of("rootSha256", root));
        return key;
    }

    /** SHA-256 of a chain's root certificate, hex: what an operator compares with the published chain. */
    static String rootFingerprint(List<X509Certificate> chain) {
        try {
            return HexFormat.of().formatHex(Hashes.sha256(chain.get(chain.size() - 1).getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new CryptoException("cannot encode the root certificate", e);
        }
    }

    private Optional<Path> file(String code) {
        return config.dir().map(dir -> dir.resolve(code).resolve(FILE));
    }

    private char[] password() {
        return config.pkcs12Password().orElse("").toCharArray();
    }
}
