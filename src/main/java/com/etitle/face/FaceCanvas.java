package com.etitle.face;

import java.io.IOException;

import com.google.zxing.common.BitMatrix;

/**
 * What {@link FaceLayout} draws the face on, whatever the output: the PDF page ({@link FaceRenderer}) or the OFD page
 * ({@link OfdFaces}). Coordinates are PDF points with the origin at the bottom left and y up, the layout's own space;
 * each canvas converts them to its format. Text is given already made printable ({@link FaceLayout.Text#printable}).
 */
interface FaceCanvas {

    /** Whether the font prints this character on this canvas; others print as □. */
    boolean prints(int codePoint);

    /** Text with its baseline starting at (x, y); bold draws the outlines as well as filling them, in the same colour. */
    void text(String text, float size, float x, float y, float[] rgb, boolean bold) throws IOException;

    /** Text rotated counter-clockwise by the angle about its baseline's start, translucent (alpha 0 to 1). */
    void rotatedText(String text, float size, float x, float y, double angle, float[] rgb, float alpha) throws IOException;

    void strokeRect(float x, float y, float width, float height, float lineWidth, float[] rgb) throws IOException;

    void fillRect(float x, float y, float width, float height, float[] rgb) throws IOException;

    void line(float x1, float y1, float x2, float y2, float lineWidth, float[] rgb) throws IOException;

    /** The QR code's modules across the square whose bottom-left corner is (x, y); {@code text} is what it encodes. */
    void qr(BitMatrix modules, String text, float x, float y, float size) throws IOException;
}
