package com.etitle.face;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes of the compact signed token. Error correction M (15 %): the token is 400-odd ASCII characters, so
 * H would push the code to version 22+ and print too dense for a phone at arm's length; M still survives a fold
 * or a smudge. Stateless and thread-safe.
 */
public final class QrCodes {

    /** Pixels per module in the PNG: 6 keeps a 81-module code at ~530 px, sharp on phone screens. */
    public static final int MODULE_PIXELS = 6;
    /** The quiet zone ISO/IEC 18004 asks for, in modules. */
    public static final int QUIET_ZONE = 4;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 0);

    private QrCodes() {
    }

    /** The dark modules of the code for the text, without quiet zone: one bit per module. */
    public static BitMatrix modules(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }

    /** The code as a 1-bit PNG with its quiet zone. */
    public static byte[] png(String text) {
        BitMatrix modules = modules(text);
        int size = (modules.getWidth() + 2 * QUIET_ZONE) * MODULE_PIXELS;
        // TYPE_BYTE_BINARY starts all 0 = black; fill it white, then paint the dark modules
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        int[] white = new int[size];
        java.util.Arrays.fill(white, 1);
        int[] black = new int[MODULE_PIXELS];
        for (int y = 0; y < size; y++) {
            raster.setPixels(0, y, size, 1, white);
        }
        for (int my = 0; my < modules.getHeight(); my++) {
            for (int mx = 0; mx < modules.getWidth(); mx++) {
                if (modules.get(mx, my)) {
                    int x = (mx + QUIET_ZONE) * MODULE_PIXELS;
                    int y = (my + QUIET_ZONE) * MODULE_PIXELS;
                    for (int dy = 0; dy < MODULE_PIXELS; dy++) {
                        raster.setPixels(x, y + dy, MODULE_PIXELS, 1, black);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        // an in-memory stream: ImageIO's default would cache in a temporary file, which read-only containers lack
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IllegalStateException("the JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the QR code PNG", e);
        }
        return out.toByteArray();
    }
}
