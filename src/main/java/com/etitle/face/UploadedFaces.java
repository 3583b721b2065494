package com.etitle.face;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.etitle.common.Metrics;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.crypto.DetachedCms;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;

/**
 * Reads a certificate face someone uploads (the employer's page): is it one of ours, unaltered, and what does its QR
 * code say. The signature is checked from the file's own bytes, apart from the PDF library that wrote it: the last
 * {@code /ByteRange} must cover the whole file but the signature's hex string, and the CMS in that string must verify
 * over those bytes with the leaf certificate of the authority's document-signing key <em>as this service holds it</em>,
 * found by the authority code in the signer's name. Only then is the page rendered and its QR code read, as a scanner
 * would, so a stranger's file costs a hash and a signature check, never a rendering.
 *
 * <p>The face prints the token only as the QR code (the verification link with the token in its fragment), so that
 * code is what is read. Nothing of the file is logged.
 */
@ApplicationScoped
// made at start, so that its series are exported (from zero) before the first request counts
@Startup
public class UploadedFaces {

    /** What the file is, as the page tells a person. */
    public enum Kind {
        /** One of ours, unaltered; {@link Reading#qr()} holds what its QR code says. */
        OURS,
        /** No bytes. */
        EMPTY,
        /** Not a PDF file. */
        NOT_PDF,
        /** A PDF without a signature, or signed by someone other than an authority of this service. */
        NOT_OURS,
        /** Signed by one of our authorities, but a byte changed since, or something was added after the signature. */
        ALTERED,
        /** Ours and unaltered, but no QR code could be read from the page (a face made before the QR was printed). */
        NO_CODE
    }

    /** The kind of file and, for one of ours, the text of its QR code. */
    public record Reading(Kind kind, String qr) {

        static Reading of(Kind kind) {
            return new Reading(kind, null);
        }
    }

    /** 200 dpi puts ~4 pixels on each module of the face's QR code (150 pt, version 17 or so): plenty for the reader. */
    private static final float RENDER_DPI = 200;
    private static final Pattern BYTE_RANGE = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d{1,10})\\s+(\\d{1,10})\\s+(\\d{1,10})\\s+(\\d{1,10})\\s*\\]");
    private static final Pattern SIGNER_NAME = Pattern.compile("CN=([A-Za-z0-9_-]{1,64}) document signing(?:,|$)");

    private final FaceSigners signers;
    private final CertificateFaces faces;
    /** Files read, one counter per kind found. */
    private final Counter[] read;

    UploadedFaces(FaceSigners signers, CertificateFaces faces, Metrics metrics) {
        this.signers = signers;
        this.faces = faces;
        this.read = new Counter[Kind.values().length];
        for (Kind kind : Kind.values()) {
            read[kind.ordinal()] = metrics.faceFiles(kind.name());
        }
    }

    /** A PDF face or, when the file is a ZIP package, an OFD face ({@link #readOfd}). */
    public Reading read(byte[] file) {
        Reading reading = readFile(file);
        read[reading.kind().ordinal()].increment();
        return reading;
    }

    private Reading readFile(byte[] file) {
        if (file == null || file.length == 0) {
            return Reading.of(Kind.EMPTY);
        }
        if (startsAsZip(file)) {
            return readOfd(file);
        }
        if (!startsAsPdf(file)) {
            return Reading.of(Kind.NOT_PDF);
        }
        String latin1 = new String(file, StandardCharsets.ISO_8859_1);
        Matcher range = BYTE_RANGE.matcher(latin1);
        long[] r = null;
        while (range.find()) {
            r = new long[] {Long.parseLong(range.group(1)), Long.parseLong(range.group(2)), Long.parseLong(range.group(3)),
                    Long.parseLong(range.group(4))};
        }
        if (r == null) {
            return Reading.of(Kind.NOT_OURS);
        }
        Optional<byte[]> cms = signatureBytes(file, r);
        if (cms.isEmpty()) {
            return Reading.of(Kind.ALTERED);
        }
        Optional<X509Certificate> named = DetachedCms.signerCertificate(cms.get());
        if (named.isEmpty()) {
            return Reading.of(Kind.ALTERED);
        }
        Optional<String> authority = authorityOf(named.get());
        List<X509Certificate> chain = authority.flatMap(signers::existing).map(s -> s.key().chain()).orElse(List.of());
        if (chain.isEmpty() || !sameCertificate(chain.get(0), named.get())) {
            return Reading.of(Kind.NOT_OURS);
        }
        List<X509Certificate> carried = DetachedCms.certificates(cms.get());
        if (carried.isEmpty() || !carried.stream().allMatch(c -> chain.stream().anyMatch(o -> sameCertificate(o, c)))) {
            // our signer, but the certificates beside it are not the ones we put there: the signature's bytes were changed
            return Reading.of(Kind.ALTERED);
        }
        if (r[2] + r[3] != file.length) {
            // bytes after the signed revision: another incremental update, which a reader would show instead of ours
            return Reading.of(Kind.ALTERED);
        }
        byte[] signed = new byte[(int) (r[1] + r[3])];
        System.arraycopy(file, 0, signed, 0, (int) r[1]);
        System.arraycopy(file, (int) r[2], signed, (int) r[1], (int) r[3]);
        if (!DetachedCms.verifies(signed, cms.get(), chain.get(0))) {
            return Reading.of(Kind.ALTERED);
        }
        return qrCode(file).map(text -> new Reading(Kind.OURS, text)).orElse(Reading.of(Kind.NO_CODE));
    }

    /**
     * An OFD face: its QR image names the authority (the key id of the token it carries); the sealing in
     * {@code SignedValue.dat} must be that authority's seal, as this service holds it, over {@code Signature.xml}; and
     * {@code Signature.xml} must list the SM3 digest of every other file of the package, each matching. A package that
     * is not a face of ours costs an unzip and a QR read; the seal is checked before any digest.
     */
    private Reading readOfd(byte[] file) {
        Map<String, byte[]> files = OfdPackage.unzip(file);
        if (files == null) {
            return Reading.of(Kind.NOT_PDF);
        }
        byte[] signature = files.get(OfdFaces.SIGNATURE);
        byte[] sealing = files.get(OfdFaces.SIGNED_VALUE);
        byte[] qrImage = files.get(OfdFaces.QR_IMAGE);
        if (signature == null || sealing == null || qrImage == null) {
            return Reading.of(Kind.NOT_OURS);
        }
        Optional<String> qr = qrPicture(qrImage);
        Optional<String> authority = qr.flatMap(OfdPackage::authorityOfToken);
        if (authority.isEmpty()) {
            return Reading.of(Kind.NOT_OURS);
        }
        FaceSealer sealer;
        try {
            sealer = faces.sealer(authority.get());
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                return Reading.of(Kind.NOT_OURS);
            }
            throw e;
        }
        if (!sealer.seal().sealed(sealing, signature, sealer.key().certificate())) {
            return Reading.of(Kind.ALTERED);
        }
        Map<String, byte[]> covered = new java.util.TreeMap<>(files);
        covered.remove(OfdFaces.SIGNATURE);
        covered.remove(OfdFaces.SIGNED_VALUE);
        return OfdPackage.digestsMatch(signature, covered) ? new Reading(Kind.OURS, qr.get()) : Reading.of(Kind.ALTERED);
    }

    private static boolean startsAsZip(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    /** A picture of a QR code (the OFD face's PNG), read as a scanner reads it. */
    private static Optional<String> qrPicture(byte[] png) {
        BufferedImage image;
        try {
            image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (image == null || (long) image.getWidth() * image.getHeight() > 4_000_000L) {
            return Optional.empty();
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = grey.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, grey.getWidth(), grey.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return decode(grey);
    }

    /** A PDF starts with its header, which readers accept anywhere in the first KB. */
    private static boolean startsAsPdf(byte[] file) {
        String head = new String(file, 0, Math.min(file.length, 1024), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    /** The hex string between the two signed ranges, decoded; empty when the ranges do not frame one inside the file. */
    private static Optional<byte[]> signatureBytes(byte[] file, long[] r) {
        long start = r[1];
        long end = r[2];
        if (r[0] != 0 || start < 1 || end <= start + 1 || end > file.length || r[3] > file.length - end) {
            return Optional.empty();
        }
        if (file[(int) start] != '<' || file[(int) end - 1] != '>') {
            return Optional.empty();
        }
        String hex = new String(file, (int) start + 1, (int) (end - start - 2), StandardCharsets.ISO_8859_1).strip();
        if (hex.length() % 2 != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> authorityOf(X509Certificate signer) {
        Matcher m = SIGNER_NAME.matcher(signer.getSubjectX500Principal().getName());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    /** The page rendered in grey and read as a scanner reads it. */
    private static Optional<String> qrCode(byte[] file) {
        BufferedImage page;
        try (PDDocument doc = Loader.loadPDF(file)) {
            if (doc.getNumberOfPages() < 1) {
                return Optional.empty();
            }
            page = new PDFRenderer(doc).renderImageWithDPI(0, RENDER_DPI, ImageType.GRAY);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return decode(page);
    }

    /** A grey image's QR code, with each of ZXing's two binarizers. */
    private static Optional<String> decode(BufferedImage grey) {
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        LuminanceSource source = new PlanarYUVLuminanceSource(pixels, grey.getWidth(), grey.getHeight(), 0, 0, grey.getWidth(),
                grey.getHeight(), false);
        for (BinaryBitmap bitmap : new BinaryBitmap[] {new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source))}) {
            try {
                return Optional.of(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
            } catch (ReaderException e) {
                // the other binarizer may find it
            }
        }
        return Optional.empty();
    }
}
