package com.etitle.face;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.authority.PublicIds;
import com.etitle.certificate.Certificate;

/**
 * The printable forms of a certificate: its signed PDF face and the QR code of its compact token. A thin adapter
 * over {@link FaceRenderer}, {@link FaceSigner} and {@link QrCodes}, which work from plain values.
 */
@ApplicationScoped
public class CertificateFaces {

    private final FaceSigners signers;
    private final Clock clock;
    private final PublicIds ids;
    private volatile FaceRenderer renderer;

    CertificateFaces(FaceSigners signers, Clock clock, PublicIds ids) {
        this.ids = ids;
        this.signers = signers;
        this.clock = clock;
    }

    /**
     * The signed one-page PDF of the certificate, whatever its status (a certificate that no longer verifies is
     * marked so on the page). Call inside a transaction: the certificate's authority is read.
     */
    public byte[] signedPdf(Certificate certificate) {
        return signedPdf(Face.of(certificate, ids));
    }

    /** The signed PDF of a face; needs no transaction unless the authority's document-signing key is not loaded yet. */
    public byte[] signedPdf(Face face) {
        FaceSigner signer = signers.forAuthority(face.authorityCode());
        Instant now = clock.instant();
        byte[] unsigned = renderer().render(face, now, clock.getZone());
        return signer.sign(unsigned, face.authorityName(), now, clock.getZone());
    }

    /** PNG of the QR code printed on the certificate's face: the verification link with its compact signed token. */
    public byte[] qr(Certificate certificate) {
        return QrCodes.png(ids.verifyLink(certificate.token));
    }

    /** The face of a certificate as plain values; inside a transaction (the authority is lazy). */
    public Face face(Certificate certificate) {
        return Face.of(certificate, ids);
    }

    /** The authority's document-signing chain as PEM, leaf first: what a relying party trusts PDF signatures by. */
    public String signingChainPem(String authorityCode) {
        return signers.forAuthority(authorityCode).key().chainPem();
    }

    /** The font (15 MB) is read on the first document, not at start-up, so replicas that never render pay nothing. */
    private FaceRenderer renderer() {
        FaceRenderer r = renderer;
        if (r == null) {
            synchronized (this) {
                r = renderer;
                if (r == null) {
                    r = new FaceRenderer(FaceFont.bundled());
                    renderer = r;
                }
            }
        }
        return r;
    }
}
