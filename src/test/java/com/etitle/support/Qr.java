package com.etitle.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads QR codes the way a scanning app does: from pixels, with ZXing's reader. */
public final class Qr {

    private Qr() {
    }

    /**
     * The text of the QR code printed on a PDF face, read from its first page rendered at 150 dpi, or at 200 dpi when
     * ZXing misses it in the first picture (now and then it does, on a face a phone reads at once), as a phone held a
     * little closer reads it the second time.
     */
    public static String decodeFace(byte[] pdf) {
        try {
            return decode(Pdfs.firstPagePng(pdf, 150));
        } catch (AssertionError missed) {
            return decode(Pdfs.firstPagePng(pdf, 200));
        }
    }

    /** The text of the one QR code in the PNG (a QR image, or a whole rendered page); fails if none is found. */
    public static String decode(byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (image == null) {
            throw new AssertionError("not an image ImageIO can read");
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (ReaderException e) {
            // ZXing's finder now and then misplaces the grid of a perfect, computer-made code (a FormatException on one
            // of the service's own PNGs in a full run); such an image is also read as a pure code, module by module
            try {
                return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            } catch (ReaderException pure) {
                e.addSuppressed(pure);
                throw new AssertionError("no readable QR code in the image (" + image.getWidth() + "x" + image.getHeight() + ")", e);
            }
        }
    }
}
