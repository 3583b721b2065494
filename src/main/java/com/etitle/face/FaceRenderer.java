package com.etitle.face;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
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

import com.etitle.certificate.LicenceId;
import com.google.zxing.common.BitMatrix;

/**
 * Lays out the certificate face as a one-page A4 landscape PDF, unsigned: a double frame, the title, the fields
 * with Chinese labels, the QR code of the signed token (drawn as vector squares, so it prints sharp at any
 * resolution), the issuing authority and, on a certificate that no longer verifies, a large status mark.
 *
 * <p>All text is real text in a subset of the CJK font, so it can be searched, copied and read aloud; the subset
 * keeps a page at tens of KB. Characters the font lacks print as □ rather than failing the document. Stateless
 * apart from the font pool; thread-safe.
 */
public final class FaceRenderer {

    static final String TITLE = LicenceId.LICENCE_NAME;
    static final String LICENCE_ID_LABEL = "证照标识";
    static final String SUBTITLE = "职称电子证书";
    static final String QR_CAPTION = "扫码验证";
    static final String FOOTER = "本电子证书经发证机关数字签名，与纸质证书具有同等效力。扫描二维码或凭证书编号、姓名和验证码可核验真伪。";

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float[] RED = {0.63f, 0.09f, 0.09f};
    private static final float[] INK = {0.08f, 0.08f, 0.08f};
    private static final float[] LABEL = {0.36f, 0.30f, 0.26f};
    private static final float[] MUTED = {0.45f, 0.45f, 0.45f};
    private static final int MISSING_GLYPH = '□';

    private static final float FIELDS_LEFT = 92;
    private static final float VALUES_LEFT = 206;
    private static final float VALUES_RIGHT = 580;
    private static final float FIELDS_TOP = 418;
    private static final float FIELDS_BOTTOM = 178;
    private static final float QR_SIZE = 150;
    private static final float QR_LEFT = 622;
    private static final float QR_BOTTOM = 258;
    private static final float LICENCE_ID_LINE = 88;

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
                    Text text = new Text(PDType0Font.load(doc, ttf, true), ttf.getUnicodeCmapLookup());
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        frame(cs);
                        heading(cs, text);
                        fields(cs, text, face);
                        qr(cs, text, face.qr());
                        authority(cs, text, face);
                        footer(cs, text);
                        if (face.statusMark().isPresent()) {
                            statusMark(cs, text, face.statusMark().get());
                        }
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
        info.setTitle(SUBTITLE + " " + face.number());
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

    private static void frame(PDPageContentStream cs) throws IOException {
        float w = PAGE.getWidth();
        float h = PAGE.getHeight();
        cs.setStrokingColor(RED[0], RED[1], RED[2]);
        cs.setLineWidth(3.2f);
        cs.addRect(24, 24, w - 48, h - 48);
        cs.stroke();
        cs.setLineWidth(0.8f);
        cs.addRect(32, 32, w - 64, h - 64);
        cs.stroke();
        // small squares in the inner corners, as printed certificates have
        cs.setNonStrokingColor(RED[0], RED[1], RED[2]);
        for (float[] corner : new float[][] {{32, 32}, {w - 32, 32}, {32, h - 32}, {w - 32, h - 32}}) {
            cs.addRect(corner[0] - 4, corner[1] - 4, 8, 8);
        }
        cs.fill();
    }

    private static void heading(PDPageContentStream cs, Text text) throws IOException {
        float centre = PAGE.getWidth() / 2;
        cs.setNonStrokingColor(RED[0], RED[1], RED[2]);
        cs.setStrokingColor(RED[0], RED[1], RED[2]);
        cs.setLineWidth(0.7f);
        // the font has one weight: stroking the outlines as well as filling them makes the title bold
        text.centred(cs, TITLE, 30, centre, 500, RenderingMode.FILL_STROKE);
        cs.setNonStrokingColor(MUTED[0], MUTED[1], MUTED[2]);
        text.centred(cs, SUBTITLE, 15, centre, 472, RenderingMode.FILL);
        cs.setLineWidth(0.6f);
        cs.moveTo(centre - 200, 458);
        cs.lineTo(centre + 200, 458);
        cs.stroke();
    }

    private static void fields(PDPageContentStream cs, Text text, Face face) throws IOException {
        List<String[]> rows = new ArrayList<>(List.of(
                new String[] {"姓　　名", face.holderName()},
                new String[] {"工作单位", face.workUnit()},
                new String[] {"系列专业", face.series() + " / " + face.specialty()},
                new String[] {"资格名称", face.qualificationName()},
                new String[] {"层　　级", face.levelText()},
                new String[] {"有效范围", face.scopeText()},
                new String[] {"取得资格时间", chineseDate(face.qualificationDate())},
                new String[] {"批准文号", face.approvalDocumentNumber()}));
        // the largest size at which every value, wrapped, fits between the heading and the certificate number
        float size = 15;
        List<List<String>> wrapped;
        while (true) {
            wrapped = new ArrayList<>();
            float height = 0;
            for (String[] row : rows) {
                List<String> lines = text.wrap(row[1], size, VALUES_RIGHT - VALUES_LEFT);
                wrapped.add(lines);
                height += lines.size() * lineHeight(size) + rowGap(size);
            }
            if (height <= FIELDS_TOP - FIELDS_BOTTOM || size <= 8) {
                break;
            }
            size -= 0.5f;
        }
        float y = FIELDS_TOP;
        float labelSize = Math.min(13, size);
        for (int i = 0; i < rows.size(); i++) {
            cs.setNonStrokingColor(LABEL[0], LABEL[1], LABEL[2]);
            text.at(cs, rows.get(i)[0], labelSize, FIELDS_LEFT, y, RenderingMode.FILL);
            cs.setNonStrokingColor(INK[0], INK[1], INK[2]);
            for (String line : wrapped.get(i)) {
                text.at(cs, line, size, VALUES_LEFT, y, RenderingMode.FILL);
                y -= lineHeight(size);
            }
            y -= rowGap(size);
        }

        cs.setNonStrokingColor(LABEL[0], LABEL[1], LABEL[2]);
        text.at(cs, "证书编号", 13, FIELDS_LEFT, 142, RenderingMode.FILL);
        text.at(cs, "验 证 码", 13, FIELDS_LEFT, 116, RenderingMode.FILL);
        cs.setNonStrokingColor(INK[0], INK[1], INK[2]);
        text.at(cs, face.number(), 14, VALUES_LEFT, 142, RenderingMode.FILL);
        text.at(cs, face.verificationCode(), 14, VALUES_LEFT, 116, RenderingMode.FILL);
        if (face.statusMark().isPresent()) {
            cs.setNonStrokingColor(RED[0], RED[1], RED[2]);
            text.at(cs, "证书状态：" + face.statusMark().get(), 14, VALUES_LEFT + 190, 116, RenderingMode.FILL);
        }
        if (face.licenceId() != null) {
            // about 80 characters: a line of its own under the number, code and authority, as wide as the page allows
            cs.setNonStrokingColor(LABEL[0], LABEL[1], LABEL[2]);
            text.at(cs, LICENCE_ID_LABEL, 13, FIELDS_LEFT, LICENCE_ID_LINE, RenderingMode.FILL);
            cs.setNonStrokingColor(INK[0], INK[1], INK[2]);
            float right = PAGE.getWidth() - 80;
            text.at(cs, face.licenceId(), text.fit(face.licenceId(), 12, right - VALUES_LEFT), VALUES_LEFT, LICENCE_ID_LINE, RenderingMode.FILL);
        }
    }

    private static float lineHeight(float size) {
        return size * 1.35f;
    }

    private static float rowGap(float size) {
        return size * 0.65f;
    }

    private static void qr(PDPageContentStream cs, Text text, String token) throws IOException {
        BitMatrix modules = QrCodes.modules(token);
        float module = QR_SIZE / modules.getWidth();
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int my = 0; my < modules.getHeight(); my++) {
            float y = QR_BOTTOM + QR_SIZE - (my + 1) * module;
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
                cs.addRect(QR_LEFT + mx * module, y - 0.02f, (run - mx) * module, module + 0.04f);
                mx = run;
            }
        }
        cs.fill();
        cs.setNonStrokingColor(MUTED[0], MUTED[1], MUTED[2]);
        text.centred(cs, QR_CAPTION, 12, QR_LEFT + QR_SIZE / 2, QR_BOTTOM - 22, RenderingMode.FILL);
    }

    private static void authority(PDPageContentStream cs, Text text, Face face) throws IOException {
        float right = PAGE.getWidth() - 80;
        cs.setNonStrokingColor(INK[0], INK[1], INK[2]);
        String issuer = "发证机关：" + face.authorityName();
        text.right(cs, issuer, text.fit(issuer, 14, right - 460), right, 142);
        text.right(cs, "发证日期：" + chineseDate(face.issueDate()), 14, right, 116);
    }

    private static void footer(PDPageContentStream cs, Text text) throws IOException {
        cs.setNonStrokingColor(MUTED[0], MUTED[1], MUTED[2]);
        text.centred(cs, FOOTER, 9.5f, PAGE.getWidth() / 2, 58, RenderingMode.FILL);
    }

    private static void statusMark(PDPageContentStream cs, Text text, String mark) throws IOException {
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(0.28f);
        cs.saveGraphicsState();
        cs.setGraphicsStateParameters(translucent);
        cs.setNonStrokingColor(RED[0], RED[1], RED[2]);
        float size = 120;
        float width = text.width(mark, size);
        double angle = Math.toRadians(24);
        float cx = PAGE.getWidth() / 2 - 40;
        float cy = PAGE.getHeight() / 2 - 10;
        float x = (float) (cx - Math.cos(angle) * width / 2 + Math.sin(angle) * size * 0.35);
        float y = (float) (cy - Math.sin(angle) * width / 2 - Math.cos(angle) * size * 0.35);
        cs.beginText();
        cs.setFont(text.font, size);
        cs.setTextMatrix(Matrix.getRotateInstance(angle, x, y));
        cs.showText(text.printable(mark));
        cs.endText();
        cs.restoreGraphicsState();
    }

    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static Calendar calendar(Instant instant, ZoneId zone) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(zone));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    /** Text in the subset font: measuring, wrapping and placing, with characters the font lacks replaced. */
    private static final class Text {

        private final PDFont font;
        private final CmapLookup cmap;

        Text(PDFont font, CmapLookup cmap) {
            this.font = font;
            this.cmap = cmap;
        }

        String printable(String s) {
            StringBuilder out = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> out.appendCodePoint(cmap.getGlyphId(cp) != 0 ? cp : MISSING_GLYPH));
            return out.toString();
        }

        float width(String s, float size) throws IOException {
            return font.getStringWidth(printable(s)) / 1000 * size;
        }

        /** The given size, or a smaller one at which the text fits the width (not below 8 pt). */
        float fit(String s, float size, float maxWidth) throws IOException {
            float fitted = size;
            while (fitted > 8 && width(s, fitted) > maxWidth) {
                fitted -= 0.5f;
            }
            return fitted;
        }

        /** Breaks the text into lines no wider than {@code maxWidth}, between any two characters (CJK has no spaces). */
        List<String> wrap(String s, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int cp : s.codePoints().toArray()) {
                String next = line + Character.toString(cp);
                if (line.length() > 0 && width(next, size) > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
            }
            lines.add(line.toString());
            return lines;
        }

        void at(PDPageContentStream cs, String s, float size, float x, float y, RenderingMode mode) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.setRenderingMode(mode);
            cs.newLineAtOffset(x, y);
            cs.showText(printable(s));
            cs.endText();
        }

        void centred(PDPageContentStream cs, String s, float size, float centre, float y, RenderingMode mode) throws IOException {
            at(cs, s, size, centre - width(s, size) / 2, y, mode);
        }

        void right(PDPageContentStream cs, String s, float size, float right, float y) throws IOException {
            at(cs, s, size, right - width(s, size), y, RenderingMode.FILL);
        }
    }
}
