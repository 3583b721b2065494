package com.etitle.face;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The seal's picture ready for PDF pages: its colour and its transparency (a soft mask) as Flate-compressed planes,
 * made once from the PNG, so each signed face embeds them as they are instead of decoding and compressing the
 * picture again (that took longer than the signature). Immutable; thread-safe.
 */
public final class PdfSealImage {

    private final int width;
    private final int height;
    private final byte[] rgb;
    private final byte[] alpha;

    private PdfSealImage(int width, int height, byte[] rgb, byte[] alpha) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
        this.alpha = alpha;
    }

    static PdfSealImage of(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(png)));
            if (image == null) {
                throw new IOException("the seal's picture is not an image the JDK reads");
            }
            int w = image.getWidth();
            int h = image.getHeight();
            byte[] colour = new byte[w * h * 3];
            byte[] mask = new byte[w * h];
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < argb.length; i++) {
                colour[3 * i] = (byte) (argb[i] >> 16);
                colour[3 * i + 1] = (byte) (argb[i] >> 8);
                colour[3 * i + 2] = (byte) argb[i];
                mask[i] = (byte) (argb[i] >>> 24);
            }
            return new PdfSealImage(w, h, deflate(colour), deflate(mask));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the seal's picture for PDF", e);
        }
    }

    /** A new image XObject of the document, with its soft mask. */
    PDImageXObject embed(PDDocument doc) throws IOException {
        PDImageXObject mask = new PDImageXObject(doc, new ByteArrayInputStream(alpha), COSName.FLATE_DECODE, width, height, 8,
                PDDeviceGray.INSTANCE);
        PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(rgb), COSName.FLATE_DECODE, width, height, 8,
                PDDeviceRGB.INSTANCE);
        image.getCOSObject().setItem(COSName.SMASK, mask);
        return image;
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 8);
        try (DeflaterOutputStream deflating = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            deflating.write(data);
        }
        return out.toByteArray();
    }
}
