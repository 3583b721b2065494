package com.etitle.face;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import com.etitle.crypto.ElectronicSeal;
import com.etitle.crypto.SealKey;

/**
 * An authority's electronic seal with the SM2 key that seals with it (GB/T 38540): what puts the seal on a face. The
 * seal's picture is also the visible appearance of the PDF face's signature, so both forms show one seal. Thread-safe.
 */
public record FaceSealer(SealKey key, ElectronicSeal seal, PdfSealImage pdfImage) {

    /** The line under the star of a generated seal: the seal is the authority's seal for title certificates. */
    static final String BOTTOM_TEXT = "职称证书专用章";
    /** {@code SES_Header.Vid}, the maker software's id, of the seals this service makes. */
    static final String VENDOR_ID = "etitle";
    private static final SecureRandom RANDOM = new SecureRandom();

    public FaceSealer(SealKey key, ElectronicSeal seal) {
        this(key, seal, PdfSealImage.of(seal.picture().data()));
    }

    /**
     * A new seal set for an authority, with the service as its own seal maker (the zero-setup run and the benchmark): a
     * seal root certifying a signing key and a maker key, the seal's picture drawn with the face font, and the seal,
     * valid as long as the chain, made and signed by the maker, whose private key is then dropped.
     */
    public static FaceSealer generate(String authorityCode, String authorityName, Instant now, FaceFont font) {
        SealKey.Generated keys = SealKey.generate(authorityCode, authorityName, now);
        byte[] picture;
        try {
            picture = font.use(ttf -> SealPicture.png(ttf, authorityName, BOTTOM_TEXT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the seal of " + authorityCode, e);
        }
        byte[] serial = new byte[8];
        RANDOM.nextBytes(serial);
        ElectronicSeal seal = ElectronicSeal.make(new ElectronicSeal.Description(authorityCode + "-" + HexFormat.of().formatHex(serial),
                authorityName, new ElectronicSeal.Picture("PNG", picture, SealPicture.DIAMETER_MM, SealPicture.DIAMETER_MM), now,
                now.plus(SealKey.VALIDITY), VENDOR_ID), keys.signer(), keys.maker(), now);
        return new FaceSealer(keys.signer(), seal);
    }

    /** The DER {@code SES_Signature} over the data (an OFD's {@code Signature.xml}), made now. */
    public byte[] sign(byte[] data, Instant time, String propertyInfo) {
        return seal.sign(key, data, time, propertyInfo);
    }

    /** The seal's picture (PNG) with its printed size. */
    public ElectronicSeal.Picture picture() {
        return seal.picture();
    }
}
