package com.etitle.face;

import java.time.Instant;

import com.etitle.crypto.ElectronicSeal;
import com.etitle.crypto.SealKey;

/**
 * An authority's electronic seal with the SM2 key that seals with it (GB/T 38540): what puts the seal on a face. The
 * seal's picture is also the visible appearance of the PDF face's signature, so both forms show one seal. Thread-safe.
 */
public record FaceSealer(SealKey key, ElectronicSeal seal, PdfSealImage pdfImage) {

    public FaceSealer(SealKey key, ElectronicSeal seal) {
        this(key, seal, PdfSealImage.of(seal.picture().data()));
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
