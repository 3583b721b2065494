package com.etitle.holder;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.etitle.certificate.Certificate;
import com.etitle.face.CertificateFaces;
import com.etitle.face.Face;

/**
 * The certificates of one holder, known by the hash of their ID number. Every read goes through
 * {@link Certificate#heldBy}: a number the holder does not hold answers exactly like an unknown one.
 * Each read is one short transaction; rendering and signing a face happen after it, without a connection.
 */
@ApplicationScoped
public class HolderCertificates {

    private final CertificateFaces faces;

    HolderCertificates(CertificateFaces faces) {
        this.faces = faces;
    }

    /** Newest first; a voided certificate names its replacement, which goes to the same person and so is in the same list. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<HeldCertificate> list(String idNumberHash) {
        List<Certificate> all = Certificate.list(
                "from Certificate c join fetch c.authority left join fetch c.replaces where c.holderIdHash = ?1"
                        + " order by c.issuedAt desc, c.id desc", idNumberHash);
        Map<Long, Certificate> replacementOf = all.stream().filter(c -> c.replaces != null)
                .collect(Collectors.toMap(c -> c.replaces.id, Function.identity(), (a, b) -> a));
        return all.stream().map(c -> HeldCertificate.of(c, replacementOf.get(c.id))).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public HeldCertificate get(String idNumberHash, String number) {
        Certificate c = Certificate.heldBy(idNumberHash, number);
        Certificate replacement = Certificate.<Certificate>find("replaces = ?1", c).firstResult();
        return HeldCertificate.of(c, replacement);
    }

    /** The signed credential, byte for byte as issued or re-signed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String credential(String idNumberHash, String number) {
        return Certificate.heldBy(idNumberHash, number).credential;
    }

    /** PNG of the QR code on the face: the verification link with the token in its fragment. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public byte[] qr(String idNumberHash, String number) {
        return faces.qr(Certificate.heldBy(idNumberHash, number));
    }

    /** What the face shows, read in one short transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Face face(String idNumberHash, String number) {
        return faces.face(Certificate.heldBy(idNumberHash, number));
    }
}
