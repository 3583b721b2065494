package com.etitle.face;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.pdfbox.util.Matrix;

import com.google.zxing.common.BitMatrix;

/**
 * The certificate face as a one-page A4 landscape PDF, unsigned, in the look of {@link FaceLayout}: the QR code of the
 * signed token is drawn as vector squares, so it prints sharp at any resolution.
 *
 * <p>All text is real text in a subset of the CJK font, so it can be searched, copied and read aloud; the subset
 * keeps a page at tens of KB. Stateless apart from the font pool; thread-safe.
 */
public final class FaceRenderer {

    private static final PDRectangle PAGE = new PDRectangle(FaceLayout.PAGE_WIDTH, FaceLayout.PAGE_HEIGHT);

    private final FaceFont font;

    public FaceRenderer(FaceFont font) {
        this.font = font;
    }

    /** The unsigned PDF; {@code created} is its creation date and seeds its file identifier, so equal inputs give equal bytes. */
    public byte[] render(Face face, Instant created, ZoneId zone) {
        try {
            return font.use(ttf -> {
                try (PDDocument doc = new PDDocument()) {
                    doc.setDocumentId(created.toEpochMilli());
                    describe(doc, face, calendar(created, zone));
                    PDPage page = new PDPage(PAGE);
                    doc.addPage(page);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        FaceLayout.draw(new PdfCanvas(cs, PDType0Font.load(doc, ttf, true), ttf.getUnicodeCmapLookup()), ttf, face);
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                    doc.save(out);
                    return out.toByteArray();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the certificate face", e);
        }
    }

    private static void describe(PDDocument doc, Face face, Calendar created) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(FaceLayout.SUBTITLE + " " + face.number());
        info.setSubject(face.holderName() + " " + face.qualificationName());
        info.setAuthor(face.authorityName());
        info.setCreator("etitle");
        info.setCreationDate(created);
        info.setModificationDate(created);
        doc.getDocumentCatalog().setLanguage("zh-CN");
        PDViewerPreferences preferences = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        preferences.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(preferences);
    }

    private static Calendar calendar(Instant instant, ZoneId zone) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(zone));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    /** The layout drawn into the page's content stream, in the subset font. */
    private static final class PdfCanvas implements FaceCanvas {

        private final PDPageContentStream cs;
        private final PDFont font;
        private final CmapLookup cmap;

        PdfCanvas(PDPageContentStream cs, PDFont font, CmapLookup cmap) {
            this.cs = cs;
            this.font = font;
            this.cmap = cmap;
        }

        @Override
        public boolean prints(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }

        @Override
        public void text(String text, float size, float x, float y, float[] rgb, boolean bold) throws IOException {
            cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            if (bold) {
                cs.setStrokingColor(rgb[0], rgb[1], rgb[2]);
                cs.setLineWidth(0.7f);
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            cs.newLineAtOffset(x, y);
            cs.showText(text);
            cs.endText();
        }

        @Override
        public void rotatedText(String text, float size, float x, float y, double angle, float[] rgb, float alpha) throws IOException {
            PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
            translucent.setNonStrokingAlphaConstant(alpha);
            cs.saveGraphicsState();
            cs.setGraphicsStateParameters(translucent);
            cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            cs.beginText();
            cs.setFont(font, size);
            cs.setRenderingMode(RenderingMode.FILL);
            cs.setTextMatrix(Matrix.getRotateInstance(angle, x, y));
            cs.showText(text);
            cs.endText();
            cs.restoreGraphicsState();
        }

        @Override
        public void strokeRect(float x, float y, float width, float height, float lineWidth, float[] rgb) throws IOException {
            cs.setStrokingColor(rgb[0], rgb[1], rgb[2]);
            cs.setLineWidth(lineWidth);
            cs.addRect(x, y, width, height);
            cs.stroke();
        }

        @Override
        public void fillRect(float x, float y, float width, float height, float[] rgb) throws IOException {
            cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            cs.addRect(x, y, width, height);
            cs.fill();
        }

        @Override
        public void line(float x1, float y1, float x2, float y2, float lineWidth, float[] rgb) throws IOException {
            cs.setStrokingColor(rgb[0], rgb[1], rgb[2]);
            cs.setLineWidth(lineWidth);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        }

        @Override
        public void qr(BitMatrix modules, String text, float x, float y, float size) throws IOException {
            float module = size / modules.getWidth();
            cs.setNonStrokingColor(0f, 0f, 0f);
            for (int my = 0; my < modules.getHeight(); my++) {
                float top = y + size - (my + 1) * module;
                int mx = 0;
                while (mx < modules.getWidth()) {
                    if (!modules.get(mx, my)) {
                        mx++;
                        continue;
                    }
                    int run = mx;
                    while (run < modules.getWidth() && modules.get(run, my)) {
                        run++;
                    }
                    // a hair of overlap so that viewers do not show seams between rows
                    cs.addRect(x + mx * module, top - 0.02f, (run - mx) * module, module + 0.04f);
                    mx = run;
                }
            }
            cs.fill();
        }
    }
}
