package com.etitle.face;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;

import com.etitle.certificate.LicenceId;

/**
 * The look of the certificate face, once for every format: an A4 landscape page with a double frame, the title, the
 * fields with Chinese labels, the QR code of the signed token, the issuing authority, the place of the seal and, on a
 * certificate that no longer verifies, a large status mark. It draws on a {@link FaceCanvas}, so the PDF and the OFD
 * face cannot drift apart. Characters the font lacks print as □ rather than failing the face. Stateless.
 */
final class FaceLayout {

    static final String TITLE = LicenceId.LICENCE_NAME;
    static final String LICENCE_ID_LABEL = "证照标识";
    static final String SUBTITLE = "职称电子证书";
    static final String QR_CAPTION = "扫码验证";
    static final String FOOTER = "本电子证书经发证机关数字签名，与纸质证书具有同等效力。扫描二维码或凭证书编号、姓名和验证码可核验真伪。";

    /** A4 landscape, in points. */
    static final float PAGE_WIDTH = 841.8898f;
    static final float PAGE_HEIGHT = 595.27563f;
    /** The centre of the seal: over the end of the issuing authority's name and the issue date, as an inked seal sits. */
    static final float SEAL_CENTRE_X = 690;
    static final float SEAL_CENTRE_Y = 132;

    static final float[] RED = {0.63f, 0.09f, 0.09f};
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

    private FaceLayout() {
    }

    /** Draws the whole face of the certificate on the canvas, measuring text with the font the canvas prints in. */
    static void draw(FaceCanvas canvas, TrueTypeFont font, Face face) throws IOException {
        Text text = new Text(canvas, font);
        frame(canvas);
        heading(text);
        fields(text, face);
        qr(canvas, text, face.qr());
        authority(text, face);
        text.centred(FOOTER, 9.5f, PAGE_WIDTH / 2, 58, MUTED, false);
        if (face.statusMark().isPresent()) {
            statusMark(canvas, text, face.statusMark().get());
        }
    }

    /** The box of a seal of this printed size, centred on the seal's place: x, y (bottom left), width, height in points. */
    static float[] sealBox(int widthMm, int heightMm) {
        float width = widthMm * 72 / 25.4f;
        float height = heightMm * 72 / 25.4f;
        return new float[] {SEAL_CENTRE_X - width / 2, SEAL_CENTRE_Y - height / 2, width, height};
    }

    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static void frame(FaceCanvas canvas) throws IOException {
        float w = PAGE_WIDTH;
        float h = PAGE_HEIGHT;
        canvas.strokeRect(24, 24, w - 48, h - 48, 3.2f, RED);
        canvas.strokeRect(32, 32, w - 64, h - 64, 0.8f, RED);
        // small squares in the inner corners, as printed certificates have
        for (float[] corner : new float[][] {{32, 32}, {w - 32, 32}, {32, h - 32}, {w - 32, h - 32}}) {
            canvas.fillRect(corner[0] - 4, corner[1] - 4, 8, 8, RED);
        }
    }

    private static void heading(Text text) throws IOException {
        float centre = PAGE_WIDTH / 2;
        // the font has one weight: stroking the outlines as well as filling them makes the title bold
        text.centred(TITLE, 30, centre, 500, RED, true);
        text.centred(SUBTITLE, 15, centre, 472, MUTED, false);
        text.canvas.line(centre - 200, 458, centre + 200, 458, 0.6f, RED);
    }

    private static void fields(Text text, Face face) throws IOException {
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
            text.at(rows.get(i)[0], labelSize, FIELDS_LEFT, y, LABEL);
            for (String line : wrapped.get(i)) {
                text.at(line, size, VALUES_LEFT, y, INK);
                y -= lineHeight(size);
            }
            y -= rowGap(size);
        }

        text.at("证书编号", 13, FIELDS_LEFT, 142, LABEL);
        text.at("验 证 码", 13, FIELDS_LEFT, 116, LABEL);
        text.at(face.number(), 14, VALUES_LEFT, 142, INK);
        text.at(face.verificationCode(), 14, VALUES_LEFT, 116, INK);
        if (face.statusMark().isPresent()) {
            text.at("证书状态：" + face.statusMark().get(), 14, VALUES_LEFT + 190, 116, RED);
        }
        if (face.licenceId() != null) {
            // about 80 characters: a line of its own under the number, code and authority, as wide as the page allows
            text.at(LICENCE_ID_LABEL, 13, FIELDS_LEFT, LICENCE_ID_LINE, LABEL);
            float right = PAGE_WIDTH - 80;
            text.at(face.licenceId(), text.fit(face.licenceId(), 12, right - VALUES_LEFT), VALUES_LEFT, LICENCE_ID_LINE, INK);
        }
    }

    private static float lineHeight(float size) {
        return size * 1.35f;
    }

    private static float rowGap(float size) {
        return size * 0.65f;
    }

    private static void qr(FaceCanvas canvas, Text text, String link) throws IOException {
        canvas.qr(QrCodes.modules(link), link, QR_LEFT, QR_BOTTOM, QR_SIZE);
        text.centred(QR_CAPTION, 12, QR_LEFT + QR_SIZE / 2, QR_BOTTOM - 22, MUTED, false);
    }

    private static void authority(Text text, Face face) throws IOException {
        float right = PAGE_WIDTH - 80;
        String issuer = "发证机关：" + face.authorityName();
        text.right(issuer, text.fit(issuer, 14, right - 460), right, 142);
        text.right("发证日期：" + chineseDate(face.issueDate()), 14, right, 116);
    }

    private static void statusMark(FaceCanvas canvas, Text text, String mark) throws IOException {
        float size = 120;
        String printable = text.printable(mark);
        float width = text.width(printable, size);
        double angle = Math.toRadians(24);
        float cx = PAGE_WIDTH / 2 - 40;
        float cy = PAGE_HEIGHT / 2 - 10;
        float x = (float) (cx - Math.cos(angle) * width / 2 + Math.sin(angle) * size * 0.35);
        float y = (float) (cy - Math.sin(angle) * width / 2 - Math.cos(angle) * size * 0.35);
        canvas.rotatedText(printable, size, x, y, angle, RED, 0.28f);
    }

    /** Text in the face font: measuring (the font's advance widths), wrapping and placing, with characters the font lacks replaced. */
    static final class Text {

        private final FaceCanvas canvas;
        private final TrueTypeFont font;
        private final CmapLookup cmap;
        private final float unitsPerEm;

        Text(FaceCanvas canvas, TrueTypeFont font) throws IOException {
            this.canvas = canvas;
            this.font = font;
            this.cmap = font.getUnicodeCmapLookup();
            this.unitsPerEm = font.getUnitsPerEm();
        }

        /** The text with each character the canvas cannot print replaced by □. */
        String printable(String s) {
            StringBuilder out = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> out.appendCodePoint(canvas.prints(cp) ? cp : MISSING_GLYPH));
            return out.toString();
        }

        /** The width of printable text in points. */
        float width(String printable, float size) throws IOException {
            float units = 0;
            for (int cp : printable.codePoints().toArray()) {
                units += font.getAdvanceWidth(cmap.getGlyphId(cp));
            }
            return units / unitsPerEm * size;
        }

        /** The given size, or a smaller one at which the text fits the width (not below 8 pt). */
        float fit(String s, float size, float maxWidth) throws IOException {
            String printable = printable(s);
            float fitted = size;
            while (fitted > 8 && width(printable, fitted) > maxWidth) {
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
                if (line.length() > 0 && width(printable(next), size) > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
            }
            lines.add(line.toString());
            return lines;
        }

        void at(String s, float size, float x, float y, float[] rgb) throws IOException {
            canvas.text(printable(s), size, x, y, rgb, false);
        }

        void centred(String s, float size, float centre, float y, float[] rgb, boolean bold) throws IOException {
            String printable = printable(s);
            canvas.text(printable, size, centre - width(printable, size) / 2, y, rgb, bold);
        }

        void right(String s, float size, float right, float y) throws IOException {
            String printable = printable(s);
            canvas.text(printable, size, right - width(printable, size), y, INK, false);
        }
    }
}
