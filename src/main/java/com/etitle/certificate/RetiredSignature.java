package com.etitle.certificate;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A signature of a certificate that was retired when the certificate was re-signed after its key version was
 * compromised. Only digests are kept: enough to recognise the exact credential or token that was issued, nothing
 * to rebuild it from. Written by {@link ReSigning} in one batch, read by verification.
 */
@Entity
@Table(name = "retired_signature")
public class RetiredSignature extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "certificate_id", nullable = false)
    public Long certificateId;

    @Column(name = "signing_key_id", nullable = false)
    public Long signingKeyId;

    @Column(name = "credential_sha256", nullable = false)
    public String credentialSha256;

    @Column(name = "token_sha256", nullable = false)
    public String tokenSha256;

    @Column(name = "re_signed_at", nullable = false)
    public Instant reSignedAt;

    /** Whether this credential (its JCS form's SHA-256) is one this key signed for this certificate, since re-signed. */
    public static boolean credentialRetired(long certificateId, long signingKeyId, String credentialSha256) {
        return count("certificateId = ?1 and signingKeyId = ?2 and credentialSha256 = ?3", certificateId, signingKeyId,
                credentialSha256) > 0;
    }

    /** The same for a compact token (the SHA-256 of its text). */
    public static boolean tokenRetired(long certificateId, long signingKeyId, String tokenSha256) {
        return count("certificateId = ?1 and signingKeyId = ?2 and tokenSha256 = ?3", certificateId, signingKeyId, tokenSha256) > 0;
    }
}
