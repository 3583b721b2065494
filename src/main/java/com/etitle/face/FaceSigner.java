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
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

import com.etitle.crypto.X509SigningKey;

/**
 * Signs a rendered face: an incremental update that adds a PAdES baseline B-B signature ({@code ETSI.CAdES.detached})
 * over every byte of the rendered file, made with the authority's ECDSA P-256 document-signing key. The signature's
 * widget shows the authority's seal on the page, as the OFD face shows it ({@link Stamp}); without one it is
 * invisible. Rendering and signing are apart, so a face is built first and signed in one small step, and so the
 * benchmark can time each. Thread-safe.
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

    /** The visible appearance of the signature: the seal's picture in its box on the page (points, bottom left, width, height). */
    public record Stamp(PdfSealImage image, float[] box) {

        /** The seal of the sealer at the seal's place of the face, at its printed size. */
        public static Stamp of(FaceSealer sealer) {
            return new Stamp(sealer.pdfImage(), FaceLayout.sealBox(sealer.picture().widthMm(), sealer.picture().heightMm()));
        }
    }

    /** The PDF with an invisible signature appended; {@code signedAt} becomes the signature's M entry (PAdES has no signing-time attribute). */
    public byte[] sign(byte[] pdf, String signerName, Instant signedAt, ZoneId zone) {
        return sign(pdf, signerName, signedAt, zone, null);
    }

    /** The PDF with the signature appended, its widget showing the stamp (none: invisible). */
    public byte[] sign(byte[] pdf, String signerName, Instant signedAt, ZoneId zone, Stamp stamp) {
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
            if (stamp != null) {
                show(doc, stamp);
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 2048);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.setSignature(key.detachedCms(external.getContent()));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign the certificate face", e);
        }
    }

    /**
     * Gives the signature's widget, which PDFBox adds empty and without size, the stamp's box and an appearance that
     * draws the seal's picture: readers show the seal where the signature is, and click through to its details.
     */
    private static void show(PDDocument doc, Stamp stamp) throws IOException {
        PDSignatureField field = doc.getSignatureFields().get(doc.getSignatureFields().size() - 1);
        PDAnnotationWidget widget = field.getWidgets().get(0);
        float[] box = stamp.box();
        widget.setRectangle(new PDRectangle(box[0], box[1], box[2], box[3]));
        PDAppearanceStream appearance = new PDAppearanceStream(doc);
        appearance.setBBox(new PDRectangle(box[2], box[3]));
        appearance.setResources(new PDResources());
        try (PDPageContentStream cs = new PDPageContentStream(doc, appearance)) {
            cs.drawImage(stamp.image().embed(doc), 0, 0, box[2], box[3]);
        }
        PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
        dictionary.setNormalAppearance(appearance);
        widget.setAppearance(dictionary);
    }
}
