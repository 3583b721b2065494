package com.etitle.face;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import com.etitle.crypto.X509SigningKey;

/**
 * Signs a rendered face: an incremental update that adds an invisible PAdES baseline B-B signature
 * ({@code ETSI.CAdES.detached}) over every byte of the rendered file, made with the authority's ECDSA P-256
 * document-signing key. Rendering and signing are apart, so a face is built first and signed in one small step,
 * and so the benchmark can time each. Thread-safe.
 */
public final class FaceSigner {

    /** Room for the CMS in the file; ours is ~1.3 KB (two P-256 certificates and one signer). */
    private static final int SIGNATURE_SIZE = 4096;
    static final String REASON = "职称电子证书签发";

    private final X509SigningKey key;

    public FaceSigner(X509SigningKey key) {
        this.key = key;
    }

    public X509SigningKey key() {
        return key;
    }

    /** The PDF with the signature appended; {@code signedAt} becomes the signature's M entry (PAdES has no signing-time attribute). */
    public byte[] sign(byte[] pdf, String signerName, Instant signedAt, ZoneId zone) {
        try (PDDocument doc = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            doc.setDocumentId(signedAt.toEpochMilli());
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signerName);
            signature.setReason(REASON);
            GregorianCalendar time = new GregorianCalendar(TimeZone.getTimeZone(zone));
            time.setTimeInMillis(signedAt.toEpochMilli());
            signature.setSignDate(time);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            doc.addSignature(signature, options);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 2048);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.setSignature(key.detachedCms(external.getContent()));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign the certificate face", e);
        }
    }
}
