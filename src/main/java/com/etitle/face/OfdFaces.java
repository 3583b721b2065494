package com.etitle.face;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;

import com.etitle.certificate.LicenceId;
import com.etitle.crypto.ElectronicSeal;
import com.etitle.crypto.Hashes;
import com.etitle.crypto.SealKey;
import com.google.zxing.common.BitMatrix;

/**
 * The certificate face as an OFD file (GB/T 33190, the national fixed-layout format of 电子证照), sealed with the
 * authority's electronic seal (GB/T 38540). One page in the look of {@link FaceLayout}, laid out by the same code as
 * the PDF: text as real text in an embedded subset of the CJK font, the QR code as an image, and the seal's picture
 * placed on the page by the signature's stamp annotation. The package:
 *
 * <pre>
 * OFD.xml                               entry: DocInfo (with the GB/T 36903 metadata as CustomDatas), DocRoot, Signatures
 * Doc_0/Document.xml                    CommonData (MaxUnitID, PageArea in mm, PublicRes, DocumentRes) and the page list
 * Doc_0/PublicRes.xml                   the font, with its subset file Doc_0/Res/font_1.ttf
 * Doc_0/DocumentRes.xml                 the QR code image, Doc_0/Res/qr_2.png
 * Doc_0/Pages/Page_0/Content.xml        one layer of text, path and image objects
 * Doc_0/Signs/Signatures.xml            the one signature, type Seal
 * Doc_0/Signs/Sign_0/Seal.esl           the electronic seal (DER SESeal)
 * Doc_0/Signs/Sign_0/Signature.xml      SM3 digests of every file above, the stamp's place, the seal's location
 * Doc_0/Signs/Sign_0/SignedValue.dat    the DER SES_Signature over Signature.xml
 * </pre>
 *
 * Every file but the signature's own two is protected (ofdrw calls this the whole-document mode), so nothing can be
 * added, not even a second signature. Rendering and sealing are apart, so the benchmark can time each. Thread-safe.
 */
public final class OfdFaces {

    public static final String MEDIA_TYPE = "application/ofd";
    static final String NAMESPACE = "http://www.ofdspec.org/2016";
    /** SM3 (GM/T 0004), as OFD signature files name their digest method. */
    static final String SM3 = "1.2.156.10197.1.401";
    static final String SIGNATURES = "/Doc_0/Signs/Signatures.xml";
    static final String SIGNATURE = "/Doc_0/Signs/Sign_0/Signature.xml";
    static final String SEAL = "/Doc_0/Signs/Sign_0/Seal.esl";
    static final String SIGNED_VALUE = "/Doc_0/Signs/Sign_0/SignedValue.dat";

    private static final float MM = 25.4f / 72;
    private static final int FONT_ID = 1;
    private static final int QR_ID = 2;
    /** The QR code's picture in the package. */
    static final String QR_IMAGE = "/Doc_0/Res/qr_" + QR_ID + ".png";
    private static final int PAGE_ID = 3;
    private static final int LAYER_ID = 4;
    /**
     * The tables of the embedded subset: the glyphs, their metrics, the character map OFD readers find glyphs by, and
     * the names. Left out are the layout and vertical tables, which the subsetter would copy whole (about 200 kB) with
     * glyph ids that no longer hold; the face's text needs neither.
     */
    private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "maxp", "OS/2", "name", "cmap", "post", "hmtx", "loca",
            "glyf", "cvt ", "fpgm", "prep", "gasp");
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final DateTimeFormatter SIGNATURE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final FaceFont font;
    private final String licenceTypeCode;

    /** {@code licenceTypeCode}: the configured 证照类型代码 ({@code etitle.licence.type-code}), for a certificate without an identifier yet. */
    public OfdFaces(FaceFont font, String licenceTypeCode) {
        this.font = font;
        this.licenceTypeCode = licenceTypeCode;
    }

    /** The files of a face, unsealed, in the order they are zipped; OFD.xml already names the signature list sealing adds. */
    public record Parts(Map<String, byte[]> files) {
    }

    /** Lays out the face and builds its files; {@code created} is its creation date. */
    public Parts render(Face face, Instant created, ZoneId zone) {
        try {
            return font.use(ttf -> {
                OfdCanvas canvas = new OfdCanvas(ttf);
                FaceLayout.draw(canvas, ttf, face);
                TTFSubsetter subsetter = new TTFSubsetter(ttf, SUBSET_TABLES);
                subsetter.addAll(canvas.codePoints);
                ByteArrayOutputStream subset = new ByteArrayOutputStream(32 * 1024);
                subsetter.writeToStream(subset);

                Map<String, byte[]> files = new LinkedHashMap<>();
                files.put("/OFD.xml", utf8(entry(face, metadata(face), created, zone)));
                files.put("/Doc_0/Document.xml", utf8(document(canvas.lastId)));
                files.put("/Doc_0/PublicRes.xml", utf8(xml("Res", " BaseLoc=\"Res\"", "<ofd:Fonts><ofd:Font ID=\"" + FONT_ID
                        + "\" FontName=\"Noto Serif SC\" FamilyName=\"Noto Serif SC\"><ofd:FontFile>font_" + FONT_ID
                        + ".ttf</ofd:FontFile></ofd:Font></ofd:Fonts>")));
                files.put("/Doc_0/DocumentRes.xml", utf8(xml("Res", " BaseLoc=\"Res\"", "<ofd:MultiMedias><ofd:MultiMedia ID=\"" + QR_ID
                        + "\" Type=\"Image\" Format=\"PNG\"><ofd:MediaFile>qr_" + QR_ID + ".png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias>")));
                files.put("/Doc_0/Res/font_" + FONT_ID + ".ttf", subset.toByteArray());
                files.put(QR_IMAGE, canvas.qrPng);
                files.put("/Doc_0/Pages/Page_0/Content.xml", utf8(xml("Page", "",
                        "<ofd:Content><ofd:Layer ID=\"" + LAYER_ID + "\" Type=\"Body\">" + canvas.content + "</ofd:Layer></ofd:Content>")));
                return new Parts(files);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the OFD face", e);
        }
    }

    /**
     * Seals the face and zips it: the seal, the signature list and the signature file with the SM3 digest of every file
     * and the stamp annotation placing the seal's picture on the page, then the SES_Signature over that file.
     */
    public byte[] seal(Parts parts, FaceSealer sealer, Instant time, ZoneId zone) {
        Map<String, byte[]> files = new LinkedHashMap<>(parts.files());
        files.put(SIGNATURES, utf8(xml("Signatures", "", "<ofd:MaxSignId>s002</ofd:MaxSignId><ofd:Signature ID=\"s001\" Type=\"Seal\" BaseLoc=\""
                + SIGNATURE + "\"/>")));
        files.put(SEAL, sealer.seal().encoded());
        StringBuilder references = new StringBuilder(4096);
        files.forEach((path, content) -> references.append("<ofd:Reference FileRef=\"").append(path).append("\"><ofd:CheckValue>")
                .append(Base64.getEncoder().encodeToString(Hashes.sm3(content))).append("</ofd:CheckValue></ofd:Reference>"));
        ElectronicSeal.Picture picture = sealer.picture();
        float[] box = FaceLayout.sealBox(picture.widthMm(), picture.heightMm());
        String boundary = number(box[0] * MM) + " " + number((FaceLayout.PAGE_HEIGHT - box[1] - box[3]) * MM) + " " + picture.widthMm()
                + " " + picture.heightMm();
        byte[] signature = utf8(xml("Signature", "", "<ofd:SignedInfo>"
                + "<ofd:Provider ProviderName=\"etitle\" Company=\"etitle\" Version=\"1.0\"/>"
                + "<ofd:SignatureMethod>" + SealKey.SM3_WITH_SM2 + "</ofd:SignatureMethod>"
                + "<ofd:SignatureDateTime>" + LocalDateTime.ofInstant(time, zone).format(SIGNATURE_TIME) + "</ofd:SignatureDateTime>"
                + "<ofd:References CheckMethod=\"" + SM3 + "\">" + references + "</ofd:References>"
                + "<ofd:StampAnnot ID=\"s002\" PageRef=\"" + PAGE_ID + "\" Boundary=\"" + boundary + "\"/>"
                + "<ofd:Seal><ofd:BaseLoc>" + SEAL + "</ofd:BaseLoc></ofd:Seal>"
                + "</ofd:SignedInfo><ofd:SignedValue>" + SIGNED_VALUE + "</ofd:SignedValue>"));
        files.put(SIGNATURE, signature);
        files.put(SIGNED_VALUE, sealer.sign(signature, time, SIGNATURE));
        return zip(files);
    }

    private static String entry(Face face, Map<String, String> metadata, Instant created, ZoneId zone) {
        String id = UUID.nameUUIDFromBytes(utf8(face.number() + "@" + created)).toString().replace("-", "");
        StringBuilder custom = new StringBuilder();
        metadata.forEach((name, value) -> custom.append("<ofd:CustomData Name=\"").append(escape(name)).append("\">")
                .append(escape(value)).append("</ofd:CustomData>"));
        return xml("OFD", " DocType=\"OFD\" Version=\"1.0\"", "<ofd:DocBody><ofd:DocInfo>"
                + "<ofd:DocID>" + id + "</ofd:DocID>"
                + "<ofd:Title>" + escape(FaceLayout.SUBTITLE + " " + face.number()) + "</ofd:Title>"
                + "<ofd:Author>" + escape(face.authorityName()) + "</ofd:Author>"
                + "<ofd:Subject>" + escape(face.holderName() + " " + face.qualificationName()) + "</ofd:Subject>"
                + "<ofd:CreationDate>" + created.atZone(zone).toLocalDate() + "</ofd:CreationDate>"
                + "<ofd:Creator>etitle</ofd:Creator>"
                + "<ofd:CustomDatas>" + custom + "</ofd:CustomDatas>"
                + "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot><ofd:Signatures>" + SIGNATURES + "</ofd:Signatures>"
                + "</ofd:DocBody>");
    }

    /** The metadata of an electronic licence (GB/T 36903), by its Chinese names, as the national e-licence systems read them. */
    private Map<String, String> metadata(Face face) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("证照名称", FaceLayout.TITLE);
        // the type code and the issuer's credit code as the certificate's identifier (GB/T 36904) carries them; a certificate
        // issued before identifiers gets its own at the next start, until then its number and the configured type code
        Optional<LicenceId> id = LicenceId.read(face.licenceId());
        data.put("证照类型代码", id.map(LicenceId::typeCode).orElse(licenceTypeCode));
        data.put("证照标识", face.licenceId() != null ? face.licenceId() : face.number());
        data.put("持证主体", face.holderName());
        data.put("颁发机构", face.authorityName());
        data.put("颁发机构代码", id.map(LicenceId::issuerCode).orElse(face.authorityCode()));
        data.put("颁发日期", face.issueDate().toString());
        // a title, once conferred, does not expire; the status (suspended, revoked, voided) is what verification answers
        data.put("有效期", "长期");
        return data;
    }

    private static String document(int maxUnitId) {
        return xml("Document", "", "<ofd:CommonData><ofd:MaxUnitID>" + maxUnitId + "</ofd:MaxUnitID>"
                + "<ofd:PageArea><ofd:PhysicalBox>0 0 " + number(FaceLayout.PAGE_WIDTH * MM) + " " + number(FaceLayout.PAGE_HEIGHT * MM)
                + "</ofd:PhysicalBox></ofd:PageArea>"
                + "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>"
                + "<ofd:Pages><ofd:Page ID=\"" + PAGE_ID + "\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages>");
    }

    private static String xml(String root, String attributes, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:" + root + " xmlns:ofd=\"" + NAMESPACE + "\"" + attributes + ">" + body
                + "</ofd:" + root + ">";
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey().substring(1));
                // a fixed time: the package's bytes depend on its content only, and a zip's DOS time has no zone anyway
                entry.setTimeLocal(ZIP_TIME);
                if (compressed(file.getKey())) {
                    // deflating the PNGs, and the seal that is mostly its PNG, again took half the sealing time for nothing
                    CRC32 crc = new CRC32();
                    crc.update(file.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(file.getValue().length);
                    entry.setCompressedSize(file.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot zip the OFD face", e);
        }
        return out.toByteArray();
    }

    private static boolean compressed(String path) {
        return path.endsWith(".png") || path.equals(SEAL) || path.equals(SIGNED_VALUE);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Millimetres with at most three decimals, no exponent, whatever the locale. */
    static String number(double value) {
        long thousandths = Math.round(value * 1000);
        String sign = thousandths < 0 ? "-" : "";
        thousandths = Math.abs(thousandths);
        long whole = thousandths / 1000;
        long fraction = thousandths % 1000;
        if (fraction == 0) {
            return sign + whole;
        }
        String digits = String.format("%03d", fraction).replaceAll("0+$", "");
        return sign + whole + "." + digits;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    // characters XML 1.0 cannot carry are dropped (the fields refuse them; this keeps the file well-formed regardless)
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * The layout as OFD page objects, in millimetres with the origin at the top left (points × 25.4 / 72, y turned
     * down). Each text object carries the advance of every character (DeltaX) from the font's metrics, so readers place
     * the glyphs exactly where the PDF has them.
     */
    private static final class OfdCanvas implements FaceCanvas {

        private final TrueTypeFont font;
        private final CmapLookup cmap;
        private final float unitsPerEm;
        private final StringBuilder content = new StringBuilder(16 * 1024);
        private final TreeSet<Integer> codePoints = new TreeSet<>();
        private byte[] qrPng;
        private int lastId = LAYER_ID;

        OfdCanvas(TrueTypeFont font) throws IOException {
            this.font = font;
            this.cmap = font.getUnicodeCmapLookup();
            this.unitsPerEm = font.getUnitsPerEm();
        }

        /** Only the Basic Multilingual Plane: the subset's cmap (format 4) maps no character beyond it. */
        @Override
        public boolean prints(int codePoint) {
            return codePoint <= 0xFFFF && cmap.getGlyphId(codePoint) != 0;
        }

        @Override
        public void text(String text, float size, float x, float y, float[] rgb, boolean bold) throws IOException {
            float sizeMm = size * MM;
            String deltas = deltas(text, sizeMm);
            float width = advance(text, sizeMm);
            content.append("<ofd:TextObject ID=\"").append(++lastId).append("\" Boundary=\"").append(number(x * MM)).append(' ')
                    .append(number(top(y) - sizeMm)).append(' ').append(number(width)).append(' ').append(number(sizeMm * 1.3f))
                    .append("\" Font=\"").append(FONT_ID).append("\" Size=\"").append(number(sizeMm)).append('"');
            if (bold) {
                content.append(" Stroke=\"true\" LineWidth=\"").append(number(0.7f * MM)).append('"');
            }
            content.append('>').append(color("FillColor", rgb));
            if (bold) {
                content.append(color("StrokeColor", rgb));
            }
            content.append("<ofd:TextCode X=\"0\" Y=\"").append(number(sizeMm)).append('"').append(deltas).append('>').append(escape(text))
                    .append("</ofd:TextCode></ofd:TextObject>");
            text.codePoints().forEach(codePoints::add);
        }

        @Override
        public void rotatedText(String text, float size, float x, float y, double angle, float[] rgb, float alpha) throws IOException {
            float sizeMm = size * MM;
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            // the page is the object's box; the CTM turns the text counter-clockwise (y runs down) about its baseline's start
            content.append("<ofd:TextObject ID=\"").append(++lastId).append("\" Boundary=\"0 0 ").append(number(FaceLayout.PAGE_WIDTH * MM))
                    .append(' ').append(number(FaceLayout.PAGE_HEIGHT * MM)).append("\" CTM=\"").append(number(cos)).append(' ')
                    .append(number(-sin)).append(' ').append(number(sin)).append(' ').append(number(cos)).append(' ').append(number(x * MM))
                    .append(' ').append(number(top(y))).append("\" Alpha=\"").append(Math.round(alpha * 255)).append("\" Font=\"")
                    .append(FONT_ID).append("\" Size=\"").append(number(sizeMm)).append("\">").append(color("FillColor", rgb))
                    .append("<ofd:TextCode X=\"0\" Y=\"0\"").append(deltas(text, sizeMm)).append('>').append(escape(text))
                    .append("</ofd:TextCode></ofd:TextObject>");
            text.codePoints().forEach(codePoints::add);
        }

        @Override
        public void strokeRect(float x, float y, float width, float height, float lineWidth, float[] rgb) {
            float line = lineWidth * MM;
            float w = width * MM;
            float h = height * MM;
            float half = line / 2;
            path(x * MM - half, top(y + height) - half, w + line, h + line, line, rgb, false,
                    "M " + number(half) + " " + number(half) + " L " + number(half + w) + " " + number(half) + " L " + number(half + w) + " "
                            + number(half + h) + " L " + number(half) + " " + number(half + h) + " C");
        }

        @Override
        public void fillRect(float x, float y, float width, float height, float[] rgb) {
            float w = width * MM;
            float h = height * MM;
            path(x * MM, top(y + height), w, h, 0, rgb, true,
                    "M 0 0 L " + number(w) + " 0 L " + number(w) + " " + number(h) + " L 0 " + number(h) + " C");
        }

        @Override
        public void line(float x1, float y1, float x2, float y2, float lineWidth, float[] rgb) {
            float line = lineWidth * MM;
            float left = Math.min(x1, x2) * MM - line / 2;
            float top = Math.min(top(y1), top(y2)) - line / 2;
            path(left, top, Math.abs(x2 - x1) * MM + line, Math.abs(y2 - y1) * MM + line, line, rgb, false,
                    "M " + number(x1 * MM - left) + " " + number(top(y1) - top) + " L " + number(x2 * MM - left) + " " + number(top(y2) - top));
        }

        /** The QR code as the PNG the holder's app gets ({@link QrCodes#png}): its quiet zone around the modules' square. */
        @Override
        public void qr(BitMatrix modules, String text, float x, float y, float size) {
            qrPng = QrCodes.png(text);
            float quiet = QrCodes.QUIET_ZONE * size / modules.getWidth();
            float side = (size + 2 * quiet) * MM;
            content.append("<ofd:ImageObject ID=\"").append(++lastId).append("\" Boundary=\"").append(number((x - quiet) * MM)).append(' ')
                    .append(number(top(y + size + quiet))).append(' ').append(number(side)).append(' ').append(number(side))
                    .append("\" CTM=\"").append(number(side)).append(" 0 0 ").append(number(side)).append(" 0 0\" ResourceID=\"")
                    .append(QR_ID).append("\"/>");
        }

        private void path(float x, float y, float width, float height, float line, float[] rgb, boolean fill, String data) {
            content.append("<ofd:PathObject ID=\"").append(++lastId).append("\" Boundary=\"").append(number(x)).append(' ')
                    .append(number(y)).append(' ').append(number(width)).append(' ').append(number(height)).append('"');
            if (fill) {
                content.append(" Stroke=\"false\" Fill=\"true\">").append(color("FillColor", rgb));
            } else {
                content.append(" LineWidth=\"").append(number(line)).append("\" Stroke=\"true\" Fill=\"false\">").append(color("StrokeColor", rgb));
            }
            content.append("<ofd:AbbreviatedData>").append(data).append("</ofd:AbbreviatedData></ofd:PathObject>");
        }

        /** The page's y (mm, down from the top) of a layout y (points, up from the bottom). */
        private static float top(float y) {
            return (FaceLayout.PAGE_HEIGHT - y) * MM;
        }

        private String deltas(String text, float sizeMm) throws IOException {
            int[] characters = text.codePoints().toArray();
            if (characters.length < 2) {
                return "";
            }
            StringBuilder out = new StringBuilder(" DeltaX=\"");
            for (int i = 0; i + 1 < characters.length; i++) {
                if (i > 0) {
                    out.append(' ');
                }
                out.append(number(font.getAdvanceWidth(cmap.getGlyphId(characters[i])) / unitsPerEm * sizeMm));
            }
            return out.append('"').toString();
        }

        private float advance(String text, float sizeMm) throws IOException {
            float units = 0;
            for (int cp : text.codePoints().toArray()) {
                units += font.getAdvanceWidth(cmap.getGlyphId(cp));
            }
            return units / unitsPerEm * sizeMm;
        }

        private static String color(String element, float[] rgb) {
            return "<ofd:" + element + " Value=\"" + Math.round(rgb[0] * 255) + " " + Math.round(rgb[1] * 255) + " " + Math.round(rgb[2] * 255)
                    + "\"/>";
        }
    }
}
