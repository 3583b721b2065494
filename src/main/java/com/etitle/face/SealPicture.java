package com.etitle.face;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The picture of an authority's electronic seal, drawn by the service as a round official seal is cut: a red ring, a
 * five-pointed star in the middle, the authority's name along the upper arc (each character upright towards the
 * rim) and, optionally, a line of text under the star. A PNG with a transparent background, so that the text under
 * the seal shows through on the face, as under an inked seal.
 *
 * <p>The characters are the outlines of the face's own CJK font ({@link FaceFont}), filled as paths: no AWT font is
 * loaded (that would copy the 15 MB font to a temporary file, which the containers' read-only file system lacks).
 * Sizes are in millimetres of the printed seal: 42 mm across, the size of a provincial department's seal.
 */
final class SealPicture {

    /** The printed size of the seal, in millimetres (GB/T 38540 records it with the picture). */
    static final int DIAMETER_MM = 42;
    /** Pixels across: about 240 dpi at 42 mm, sharp in print; 300 dpi would add a quarter to every face's bytes. */
    static final int PIXELS = 400;

    private static final Color RED = new Color(218, 22, 28);
    private static final double RING_WIDTH = 1.2;
    private static final double RING_RADIUS = DIAMETER_MM / 2.0 - RING_WIDTH / 2 - 0.3;
    private static final double STAR_RADIUS = 6.8;
    /** The widest arc the name may take, centred on the top; real seals leave the bottom open for the lower text. */
    private static final double MAX_ARC = Math.toRadians(250);
    /** Seal lettering is condensed: narrower than it is tall. */
    private static final double CONDENSE = 0.82;
    /** The vertical middle of an ideograph in the em box (Noto's ideographic box runs from -0.12 em to 0.88 em). */
    private static final double EM_MIDDLE = 0.38;

    private SealPicture() {
    }

    /** The seal of the authority named, with an optional line under the star (empty for none), as a PNG. */
    static byte[] png(TrueTypeFont font, String authorityName, String bottomText) throws IOException {
        BufferedImage image = new BufferedImage(PIXELS, PIXELS, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            // transparent pixels of the seal's own red: every pixel then has the same colour and differs only in alpha,
            // which PNG compresses to a third of transparent black's size
            g.setComposite(AlphaComposite.Src);
            g.setColor(new Color(RED.getRed(), RED.getGreen(), RED.getBlue(), 0));
            g.fillRect(0, 0, PIXELS, PIXELS);
            g.setComposite(AlphaComposite.SrcOver);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // draw in millimetres from the seal's centre
            g.scale(PIXELS / (double) DIAMETER_MM, PIXELS / (double) DIAMETER_MM);
            g.translate(DIAMETER_MM / 2.0, DIAMETER_MM / 2.0);
            g.setColor(RED);
            g.setStroke(new BasicStroke((float) RING_WIDTH));
            g.draw(new Ellipse2D.Double(-RING_RADIUS, -RING_RADIUS, 2 * RING_RADIUS, 2 * RING_RADIUS));
            g.fill(star(STAR_RADIUS));
            Glyphs glyphs = new Glyphs(font);
            // the font has one weight: a thin outline as well as the fill gives the bold strokes seals are cut with
            g.setStroke(new BasicStroke(0.12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            arcText(g, glyphs, authorityName);
            if (!bottomText.isEmpty()) {
                bottomText(g, glyphs, bottomText);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        // an in-memory stream: ImageIO's default would cache in a temporary file, which read-only containers lack
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IllegalStateException("the JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the seal picture", e);
        }
        return out.toByteArray();
    }

    /** Five points, one straight up; the inner corners on the circle a regular star's edges cross. */
    private static Shape star(double radius) {
        double inner = radius * Math.sin(Math.toRadians(18)) / Math.sin(Math.toRadians(126));
        Path2D.Double star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? radius : inner;
            double angle = Math.toRadians(-90 + 36 * i);
            if (i == 0) {
                star.moveTo(r * Math.cos(angle), r * Math.sin(angle));
            } else {
                star.lineTo(r * Math.cos(angle), r * Math.sin(angle));
            }
        }
        star.closePath();
        return star;
    }

    /**
     * The name along the upper arc, clockwise from the left: as large as fits (at most 6.2 mm high, the usual size on a
     * 42 mm seal), the characters' middles on one circle inside the ring, each rotated to stand upright towards the rim.
     */
    private static void arcText(Graphics2D g, Glyphs glyphs, String name) {
        int[] characters = name.codePoints().toArray();
        if (characters.length == 0) {
            return;
        }
        double size = 6.2;
        double radius;
        double step;
        while (true) {
            radius = RING_RADIUS - RING_WIDTH / 2 - 1.1 - size / 2;
            step = (size * CONDENSE * 1.08) / radius;
            if (step * characters.length <= MAX_ARC || size <= 3) {
                break;
            }
            size -= 0.2;
        }
        // a short name keeps its natural spacing, centred; a long one spreads over the whole arc
        double arc = Math.min(MAX_ARC, Math.max(step * characters.length, Math.toRadians(150)));
        double each = arc / characters.length;
        for (int i = 0; i < characters.length; i++) {
            double angle = -arc / 2 + each * (i + 0.5);
            AffineTransform at = new AffineTransform();
            at.rotate(angle);
            at.translate(0, -radius);
            g.fill(glyphs.centred(characters[i], size, at));
            g.draw(glyphs.centred(characters[i], size, at));
        }
    }

    /** The lower text: one straight line under the star, condensed to fit the chord. */
    private static void bottomText(Graphics2D g, Glyphs glyphs, String text) {
        int[] characters = text.codePoints().toArray();
        double size = 4.2;
        double middle = STAR_RADIUS + 4.6;
        double chord = 2 * Math.sqrt(Math.pow(RING_RADIUS - 2.5, 2) - Math.pow(middle + size / 2, 2));
        double each = Math.min(size * CONDENSE * 1.05, chord / characters.length);
        for (int i = 0; i < characters.length; i++) {
            AffineTransform at = AffineTransform.getTranslateInstance(-each * characters.length / 2 + each * (i + 0.5), middle);
            g.fill(glyphs.centred(characters[i], size, at));
            g.draw(glyphs.centred(characters[i], size, at));
        }
    }

    /** Outlines of the font's glyphs, centred on the origin, the font's y axis turned down as Java2D's. */
    private static final class Glyphs {

        private final TrueTypeFont font;
        private final CmapLookup cmap;
        private final double unitsPerEm;

        Glyphs(TrueTypeFont font) throws IOException {
            this.font = font;
            this.cmap = font.getUnicodeCmapLookup();
            this.unitsPerEm = font.getUnitsPerEm();
        }

        Shape centred(int codePoint, double size, AffineTransform placement) {
            try {
                int gid = cmap.getGlyphId(codePoint);
                if (gid == 0) {
                    gid = cmap.getGlyphId('□');
                }
                GlyphData glyph = font.getGlyph().getGlyph(gid);
                GeneralPath outline = glyph == null ? new GeneralPath() : glyph.getPath();
                double scale = size / unitsPerEm;
                AffineTransform at = new AffineTransform(placement);
                at.scale(scale * CONDENSE, -scale);
                at.translate(-font.getAdvanceWidth(gid) / 2.0, -EM_MIDDLE * unitsPerEm);
                return at.createTransformedShape(outline);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a glyph of the face font", e);
            }
        }
    }
}
