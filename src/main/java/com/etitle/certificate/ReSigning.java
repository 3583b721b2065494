package com.etitle.certificate;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.etitle.audit.AuditLog;
import com.etitle.authority.Authority;
import com.etitle.authority.AuthoritySigner;
import com.etitle.authority.SigningKey;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.crypto.DataIntegrity;
import com.etitle.crypto.Hashes;
import com.etitle.crypto.Jcs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The recovery after a key compromise: every certificate the compromised version signed that may still be relied
 * upon is signed again with the authority's current key, in one transaction, so either all of them carry the new
 * signature or none does. A re-signed credential is the same certificate: same number, verification code,
 * status-list slot, issue date and {@code validFrom} (the issuance instant); only the proof, its {@code created}
 * (now) and the key change. The retired forms are remembered by digest (see {@link RetiredSignature}).
 */
@ApplicationScoped
public class ReSigning {

    private static final Logger LOG = Logger.getLogger(ReSigning.class);

    /**
     * VALID and SUSPENDED are re-signed: a suspension is lifted by the authority, and a certificate that comes back
     * must not come back with a signature that can never verify. REVOKED and VOIDED are final and keep their old,
     * compromised signature: nobody is to rely on them either way.
     */
    private static final List<CertificateStatus> RE_SIGNED = List.of(CertificateStatus.VALID, CertificateStatus.SUSPENDED);

    /** What one run did. */
    @Schema(name = "ReSigningReport")
    public record Report(
            @Schema(description = "The compromised key version whose certificates were re-signed") String compromisedKeyId,
            @Schema(description = "The key version that signed them now") String keyId,
            @Schema(description = "Certificates re-signed by this call; 0 when an earlier call did them all") int reSigned,
            @Schema(description = "Of those, VALID") int valid,
            @Schema(description = "Of those, SUSPENDED") int suspended,
            @Schema(description = "REVOKED and VOIDED certificates of the compromised key, left as they were")
            long leftRevokedOrVoided) {
    }

    private final Clock clock;
    private final EntityManager em;
    private final AuditLog audit;
    private final AuthoritySigner signer;
    private final CredentialFactory credentials;
    private final ObjectMapper mapper;

    ReSigning(Clock clock, EntityManager em, AuditLog audit, AuthoritySigner signer, CredentialFactory credentials, ObjectMapper mapper) {
        this.clock = clock;
        this.em = em;
        this.audit = audit;
        this.signer = signer;
        this.credentials = credentials;
        this.mapper = mapper;
    }

    /** Re-signs what the authority's compromised key version signed; a second run finds nothing left to do. */
    @Transactional
    public Report reSign(Authority authority, String kid, String actor) {
        SigningKey compromised = SigningKey.findByKid(kid)
                .filter(k -> k.authority.id.equals(authority.id))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "detail.key.unknown-kid"));
        // one run per key at a time: a second, concurrent run waits here and then finds every certificate moved
        compromised = em.find(SigningKey.class, compromised.id, LockModeType.PESSIMISTIC_WRITE);
        if (compromised.status != SigningKey.Status.COMPROMISED) {
            throw new ProblemException(ProblemType.KEY_NOT_COMPROMISED, "detail.key.not-compromised", kid);
        }
        AuthoritySigner.Signing signing = signer.current(authority);
        long started = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long keyId = compromised.id;

        // status changes lock the certificate's row; holding the rows keeps the set stable until commit
        em.createNativeQuery("SELECT id FROM certificate WHERE signing_key_id = ?1 AND status IN ('VALID', 'SUSPENDED') FOR UPDATE")
                .setParameter(1, keyId).getResultList();
        List<Object[]> rows = em.createQuery("select c, c.credential, c.token from Certificate c left join fetch c.replaces"
                + " where c.signingKey.id = :key and c.status in :statuses order by c.id", Object[].class)
                .setParameter("key", keyId).setParameter("statuses", RE_SIGNED).getResultList();
        long left = Certificate.count("signingKey.id = ?1 and status not in ?2", keyId, RE_SIGNED);

        // one set of proof options for the whole run, as a batch does: the proof's created is now, for all
        DataIntegrity.ProofOptions proofs = credentials.proofOptions(signing, now);
        List<ReSigned> made = new ArrayList<>(rows.size());
        int valid = 0;
        for (Object[] row : rows) {
            Certificate c = (Certificate) row[0];
            made.add(new ReSigned(c.id, c.number, credentials.credential(c, proofs), credentials.token(c, signing),
                    storedCredentialDigest((String) row[1]), tokenDigest((String) row[2])));
            valid += c.status == CertificateStatus.VALID ? 1 : 0;
        }
        Report outcome = new Report(kid, signing.key().kid, made.size(), valid, made.size() - valid, left);
        if (made.isEmpty()) {
            return outcome;
        }
        write(made, keyId, signing.key().id, now);

        Map<String, Object> each = Map.of("previousKeyId", kid, "keyId", signing.key().kid);
        List<AuditLog.Event> events = new ArrayList<>(made.size() + 1);
        for (ReSigned r : made) {
            events.add(new AuditLog.Event(actor, authority.code, "certificate.re-signed", r.number(), each));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("keyId", signing.key().kid);
        summary.put("reSigned", outcome.reSigned());
        summary.put("valid", outcome.valid());
        summary.put("suspended", outcome.suspended());
        summary.put("leftRevokedOrVoided", outcome.leftRevokedOrVoided());
        events.add(new AuditLog.Event(actor, authority.code, "key.re-signed", kid, summary));
        audit.appendAll(events);
        LOG.infof("Re-signed %d certificates of key %s with %s in %d ms", made.size(), kid, signing.key().kid,
                (System.nanoTime() - started) / 1_000_000);
        return outcome;
    }

    private record ReSigned(long id, String number, String credential, String token, String oldCredentialSha256,
            String oldTokenSha256) {
    }

    /** The new forms and the retired digests, with two JDBC batches: one round trip per certificate would dominate. */
    private void write(List<ReSigned> made, long oldKeyId, long newKeyId, Instant now) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE certificate SET credential = ?, token = ?, signing_key_id = ? WHERE id = ? AND signing_key_id = ?");
                    PreparedStatement retire = connection.prepareStatement("""
                            INSERT INTO retired_signature (certificate_id, signing_key_id, credential_sha256, token_sha256, re_signed_at)
                            VALUES (?, ?, ?, ?, ?)""")) {
                Timestamp at = Timestamp.from(now);
                for (ReSigned r : made) {
                    update.setString(1, r.credential());
                    update.setString(2, r.token());
                    update.setLong(3, newKeyId);
                    update.setLong(4, r.id());
                    update.setLong(5, oldKeyId);
                    update.addBatch();
                    retire.setLong(1, r.id());
                    retire.setLong(2, oldKeyId);
                    retire.setString(3, r.oldCredentialSha256());
                    retire.setString(4, r.oldTokenSha256());
                    retire.setTimestamp(5, at);
                    retire.addBatch();
                }
                for (int changed : update.executeBatch()) {
                    if (changed != 1) {
                        // the row lock above makes this impossible; if it ever happens, roll everything back
                        throw new IllegalStateException("a certificate changed key while being re-signed");
                    }
                }
                retire.executeBatch();
            }
        });
    }

    /**
     * SHA-256 of the JCS form of a credential: the same for the stored text and for the credential a verifier
     * brings back, whatever whitespace or member order its JSON went through on the way.
     */
    private String storedCredentialDigest(String credential) {
        try {
            return credentialDigest(mapper.readTree(credential));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored credential is not JSON", e);
        }
    }

    /** The same, for a credential as a verifier sends it. */
    public static String credentialDigest(JsonNode credential) {
        return HexFormat.of().formatHex(Hashes.sha256(Jcs.canonicalize(credential)));
    }

    /** SHA-256 of a compact token's text. */
    public static String tokenDigest(String token) {
        return Hashes.sha256Hex(token);
    }
}
