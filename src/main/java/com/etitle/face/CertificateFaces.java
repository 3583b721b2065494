package com.etitle.face;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.etitle.authority.PublicIds;
import com.etitle.certificate.Certificate;

/**
 * The printable forms of a certificate: its signed PDF face, its sealed OFD face and the QR code of its compact token.
 * A thin adapter over {@link FaceRenderer}, {@link FaceSigner}, {@link OfdFaces} and {@link QrCodes}, which work from
 * plain values; both faces show the authority's electronic seal ({@link FaceSeals}).
 */
@ApplicationScoped
public class CertificateFaces {

    private final FaceSigners signers;
    private final FaceSeals seals;
    private final Clock clock;
    private final PublicIds ids;
    private final String licenceTypeCode;
    private volatile FaceFont font;

    CertificateFaces(FaceSigners signers, FaceSeals seals, Clock clock, PublicIds ids,
            @ConfigProperty(name = "etitle.licence.type-code") String licenceTypeCode) {
        this.ids = ids;
        this.licenceTypeCode = licenceTypeCode;
        this.signers = signers;
        this.seals = seals;
        this.clock = clock;
    }

    /**
     * The signed one-page PDF of the certificate, whatever its status (a certificate that no longer verifies is
     * marked so on the page). Call inside a transaction: the certificate's authority is read.
     */
    public byte[] signedPdf(Certificate certificate) {
        return signedPdf(Face.of(certificate, ids));
    }

    /** The signed PDF of a face; needs no transaction unless the authority's keys are not loaded yet. */
    public byte[] signedPdf(Face face) {
        FaceSigner signer = signers.forAuthority(face.authorityCode());
        FaceSealer sealer = seals.forAuthority(face.authorityCode(), this::font);
        Instant now = clock.instant();
        byte[] unsigned = new FaceRenderer(font()).render(face, now, clock.getZone());
        return signer.sign(unsigned, face.authorityName(), now, clock.getZone(), FaceSigner.Stamp.of(sealer));
    }

    /** The OFD of a face, sealed with the authority's electronic seal; needs no transaction unless the seal is not loaded yet. */
    public byte[] sealedOfd(Face face) {
        FaceSealer sealer = seals.forAuthority(face.authorityCode(), this::font);
        Instant now = clock.instant();
        OfdFaces ofd = new OfdFaces(font(), licenceTypeCode);
        return ofd.seal(ofd.render(face, now, clock.getZone()), sealer, now, clock.getZone());
    }

    /** The face in the form asked for: the signed PDF or the sealed OFD. */
    public byte[] render(Face face, FaceForm form) {
        return form == FaceForm.OFD ? sealedOfd(face) : signedPdf(face);
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

    /** The certificate chain of the authority's seal signing key as PEM, leaf first: what a relying party trusts OFD seals by. */
    public String sealChainPem(String authorityCode) {
        return seals.forAuthority(authorityCode, this::font).key().chainPem();
    }

    /** The authority's sealer, to check a sealed face someone uploads; 404 for an authority this service does not have. */
    FaceSealer sealer(String authorityCode) {
        return seals.forAuthority(authorityCode, this::font);
    }

    /** The font (15 MB) is read on the first face or seal, not at start-up, so replicas that never render pay nothing. */
    private FaceFont font() {
        FaceFont f = font;
        if (f == null) {
            synchronized (this) {
                f = font;
                if (f == null) {
                    f = FaceFont.bundled();
                    font = f;
                }
            }
        }
        return f;
    }
}
