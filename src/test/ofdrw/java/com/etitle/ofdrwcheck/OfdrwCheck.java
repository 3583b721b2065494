package com.etitle.ofdrwcheck;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.ofdrw.converter.FontLoader;
import org.ofdrw.converter.ImageMaker;
import org.ofdrw.core.basicType.ST_Loc;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.core.signatures.Signatures;
import org.ofdrw.core.signatures.appearance.Seal;
import org.ofdrw.core.signatures.range.Reference;
import org.ofdrw.core.signatures.sig.Signature;
import org.ofdrw.core.signatures.sig.SignedInfo;
import org.ofdrw.gm.ses.parse.SESVersion;
import org.ofdrw.gm.ses.parse.SESVersionHolder;
import org.ofdrw.gm.ses.parse.VersionParser;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.reader.ResourceLocator;
import org.ofdrw.sign.verify.OFDValidator;
import org.ofdrw.sign.verify.SignedDataValidateContainer;
import org.ofdrw.sign.verify.container.GBT35275ValidateContainer;
import org.ofdrw.sign.verify.container.SESV1ValidateContainer;
import org.ofdrw.sign.verify.container.SESV4ValidateContainer;

/**
 * An OFD file read by ofdrw, the reference open-source OFD library, as a reader of our certificates would read it:
 * <pre>
 *   check &lt;file.ofd&gt; [&lt;page-1.png&gt;]                  one JSON report on standard output
 *   make-sample &lt;file.ofd&gt; &lt;text&gt; &lt;seal name&gt;          a sealed sample, for the harness's own test
 * </pre>
 * The report says whether the file opened (and why not), its page count, the text of page 1, every signature with
 * ofdrw's verdict on it, ofdrw's {@link OFDValidator} verdict on the whole document, and where page 1 was rendered.
 * A file that is not an OFD is a report ({@code "opened":false}), not a failure: the exit status is 0 whenever a report
 * was printed, 2 for a wrong command line.
 */
public final class OfdrwCheck {

    /** Pixels per millimetre of the rendered page (about 127 dpi: enough to read the text and see the seal). */
    private static final int PIXELS_PER_MM = 5;

    private OfdrwCheck() {
    }

    public static void main(String[] args) throws Exception {
        Security.addProvider(new BouncyCastleProvider());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        if (args.length >= 2 && args.length <= 3 && args[0].equals("check")) {
            out.println(Json.write(check(Path.of(args[1]), args.length == 3 ? Path.of(args[2]) : null)));
        } else if (args.length == 4 && args[0].equals("make-sample")) {
            out.println(Json.write(SampleMaker.make(Path.of(args[1]), args[2], args[3])));
        } else {
            System.err.println("usage: check <file.ofd> [<page-1.png>] | make-sample <file.ofd> <text> <seal name>");
            System.exit(2);
        }
    }

    static Map<String, Object> check(Path file, Path png) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", file.toString());
        long start = System.nanoTime();
        // OFDReader unpacks the package into a working folder of its own and removes it on close
        try (OFDReader reader = new OFDReader(file)) {
            int pages;
            try {
                pages = reader.getNumberOfPages();
            } catch (RuntimeException e) {
                report.put("opened", false);
                report.put("error", describe(e));
                return report;
            }
            report.put("opened", true);
            report.put("pages", pages);
            try {
                report.put("text", pages == 0 ? "" : String.join("\n", new ContentExtractor(reader).getPageContent(1)));
            } catch (RuntimeException e) {
                report.put("textError", describe(e));
            }
            report.put("signatures", signatures(reader));
            if (png != null && pages > 0) {
                render(reader, png, report);
            }
        } catch (Exception e) {
            report.putIfAbsent("opened", false);
            report.put("error", describe(e));
            return report;
        }
        report.put("validator", validator(file));
        report.put("millis", (System.nanoTime() - start) / 1_000_000);
        return report;
    }

    /**
     * Each signature of the document's list, checked the way {@link OFDValidator#exeValidate()} checks it (the digests
     * of the files it protects, the seal file against the seal inside the signed value, then the signed value with the
     * container for its kind), but one at a time, so that a report says which one failed and why: the validator itself
     * stops at the first failure.
     */
    private static List<Map<String, Object>> signatures(OFDReader reader) throws Exception {
        List<Map<String, Object>> found = new ArrayList<>();
        ST_Loc listLoc = reader.getDefaultDocSignaturesPath();
        if (listLoc == null) {
            return found;
        }
        ResourceLocator rl = reader.getResourceLocator();
        rl.save();
        try {
            rl.cd("/");
            Signatures list = rl.get(listLoc, Signatures::new);
            rl.cd(listLoc.parent());
            for (org.ofdrw.core.signatures.Signature record : list.getSignatures()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                found.add(entry);
                SigType type = record.getType() == null ? SigType.Seal : record.getType();
                entry.put("id", record.getID());
                entry.put("type", type.toString());
                entry.put("file", String.valueOf(record.getBaseLoc()));
                rl.save();
                try {
                    checkOne(rl, record.getBaseLoc(), type, entry);
                } catch (Exception e) {
                    entry.put("valid", false);
                    entry.put("error", describe(e));
                } finally {
                    rl.restore();
                }
            }
        } finally {
            rl.restore();
        }
        return found;
    }

    private static void checkOne(ResourceLocator rl, ST_Loc signatureLoc, SigType type, Map<String, Object> entry) throws Exception {
        Path signatureFile = rl.getFile(signatureLoc);
        Signature signature = rl.get(signatureLoc, Signature::new);
        rl.cd(signatureLoc.parent());
        SignedInfo info = signature.getSignedInfo();
        entry.put("signatureMethod", info.getSignatureMethod());
        entry.put("signatureDateTime", info.getSignatureDateTime());
        byte[] signedValue = Files.readAllBytes(rl.getFile(signature.getSignedValue()));
        describeSignedValue(type, signedValue, entry);

        List<String> protectedFiles = new ArrayList<>();
        String failedFile = null;
        MessageDigest digest = MessageDigest.getInstance(info.getReferences().getCheckMethod(), new BouncyCastleProvider());
        for (Reference reference : info.getReferences().getReferences()) {
            protectedFiles.add(reference.getFileRef().toString());
            try (InputStream in = new DigestInputStream(Files.newInputStream(rl.getFile(reference.getFileRef())), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (!Arrays.equals(reference.getCheckValue(), digest.digest()) && failedFile == null) {
                failedFile = reference.getFileRef().toString();
            }
        }
        entry.put("protectedFiles", protectedFiles);
        if (failedFile != null) {
            entry.put("valid", false);
            entry.put("error", "the digest of " + failedFile + " differs from the one signed (ofdrw: FileIntegrityException)");
            return;
        }
        Seal sealRef = info.getSeal();
        if (type == SigType.Seal && sealRef != null) {
            byte[] sealFile = Files.readAllBytes(rl.getFile(sealRef.getBaseLoc()));
            byte[] sealSigned = sealInside(signedValue);
            if (sealSigned != null && !Arrays.equals(sealFile, sealSigned)) {
                entry.put("valid", false);
                entry.put("error", "the seal file " + sealRef.getBaseLoc() + " is not the seal inside the signed value");
                return;
            }
        }
        container(type, signedValue).validate(type, info.getSignatureMethod(), Files.readAllBytes(signatureFile), signedValue);
        entry.put("valid", true);
    }

    /** Version, seal name and signer, read from the signed value with ofdrw-gm's GB/T 38540 (v4) and GM/T 0031 (v1) types. */
    private static void describeSignedValue(SigType type, byte[] signedValue, Map<String, Object> entry) {
        if (type == SigType.Sign) {
            entry.put("version", "GB/T 35275");
            return;
        }
        try {
            SESVersionHolder holder = VersionParser.parseSES_SignatureVersion(signedValue);
            if (holder.getVersion() == SESVersion.v4) {
                var signature = holder.getInstanceV4();
                var seal = signature.getToSign().getEseal();
                entry.put("version", "v4");
                entry.put("sealName", seal.geteSealInfo().getProperty().getName().getString());
                entry.put("sealId", seal.geteSealInfo().getEsID().getString());
                entry.put("signer", subject(signature.getCert().getOctets()));
                entry.put("sealMaker", subject(seal.getCert().getOctets()));
                entry.put("propertyInfo", signature.getToSign().getPropertyInfo() == null ? null
                        : signature.getToSign().getPropertyInfo().getString());
            } else {
                var signature = holder.getInstanceV1();
                var seal = signature.getToSign().getEseal();
                entry.put("version", "v1");
                entry.put("sealName", seal.getEsealInfo().getProperty().getName().getString());
                entry.put("sealId", seal.getEsealInfo().getEsID().getString());
                entry.put("signer", subject(signature.getToSign().getCert().getOctets()));
            }
        } catch (RuntimeException | GeneralSecurityException e) {
            entry.put("signedValueError", describe(e));
        }
    }

    private static byte[] sealInside(byte[] signedValue) throws IOException {
        SESVersionHolder holder = VersionParser.parseSES_SignatureVersion(signedValue);
        if (holder.getVersion() == SESVersion.v4) {
            return holder.getInstanceV4().getToSign().getEseal().getEncoded("DER");
        }
        if (holder.getVersion() == SESVersion.v1) {
            return holder.getInstanceV1().getToSign().getEseal().getEncoded("DER");
        }
        return null;
    }

    /** The container ofdrw offers for the kind of signature: GB/T 35275 for a plain signature, else by the seal's version. */
    private static SignedDataValidateContainer container(SigType type, byte[] signedValue) {
        if (type == SigType.Sign) {
            return new GBT35275ValidateContainer();
        }
        return VersionParser.parseSES_SignatureVersion(signedValue).getVersion() == SESVersion.v1
                ? new SESV1ValidateContainer() : new SESV4ValidateContainer();
    }

    /** ofdrw's own whole-document verdict: {@link OFDValidator#exeValidate()} with the container each signature needs. */
    private static Map<String, Object> validator(Path file) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        try (OFDValidator validator = new OFDValidator(new OFDReader(file))) {
            validator.setValidator((type, alg, tbs, signedValue) -> container(type, signedValue).validate(type, alg, tbs, signedValue));
            validator.exeValidate();
            verdict.put("valid", true);
        } catch (Exception e) {
            verdict.put("valid", false);
            verdict.put("error", describe(e));
        }
        return verdict;
    }

    private static void render(OFDReader reader, Path png, Map<String, Object> report) {
        try {
            report.put("fontSubstitute", substituteChineseFonts());
            BufferedImage page = new ImageMaker(reader, PIXELS_PER_MM).makePage(0);
            Path parent = png.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!ImageIO.write(page, "png", png.toFile())) {
                throw new IOException("no PNG writer");
            }
            report.put("png", png.toString());
            report.put("pngWidth", page.getWidth());
            report.put("pngHeight", page.getHeight());
        } catch (Exception | LinkageError e) {
            report.put("pngError", describe(e));
        }
    }

    /**
     * Text in a Chinese font the file names but does not embed (宋体 / SimSun, as ofdrw-layout writes by default) is drawn
     * by ofdrw with an installed font of that name, else with an arbitrary one: on a Linux machine, one without Chinese
     * glyphs, so the page shows boxes. A reader's machine substitutes a CJK font, as fontconfig does; so does this, with
     * the font named by {@code -Dcheck.cjkFont} (the harness passes the certificate face's Noto Serif SC), else the first
     * CJK font under /usr/share/fonts that ofdrw can draw with. ofdrw 2.3.3 draws only TrueType outlines: Debian's
     * Noto CJK collections (CFF outlines in a .ttc) fail with "没有 loca 表" and are skipped. Embedded fonts are used as
     * they are.
     */
    private static String substituteChineseFonts() throws IOException {
        FontLoader loader = FontLoader.getInstance();
        List<Path> candidates = new ArrayList<>();
        String given = System.getProperty("check.cjkFont");
        if (given != null && !given.isBlank()) {
            candidates.add(Path.of(given));
        }
        Path system = Path.of("/usr/share/fonts");
        if (Files.isDirectory(system)) {
            try (var files = Files.walk(system)) {
                files.filter(f -> f.getFileName().toString().matches("(?i).*(cjk|wqy|fallback|simsun|song|hei|kai|uming|ukai).*\\.(ttc|ttf|otf)"))
                        .sorted().forEach(candidates::add);
            }
        }
        for (Path font : candidates) {
            if (Files.isRegularFile(font) && drawable(loader, font)) {
                for (String name : List.of("宋体", "SimSun", "仿宋", "FangSong", "楷体", "KaiTi", "黑体", "SimHei")) {
                    if (loader.getSystemFontPath(null, name) == null) {
                        loader.addSystemFontMapping(name, font.toAbsolutePath().toString());
                    }
                }
                return font.toString();
            }
        }
        return null;
    }

    private static boolean drawable(FontLoader loader, Path font) {
        try {
            return loader.loadExternalFont(font.toAbsolutePath().toString(), null, null) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String subject(byte[] certificate) throws GeneralSecurityException {
        return ((X509Certificate) CertificateFactory.getInstance("X.509", new BouncyCastleProvider())
                .generateCertificate(new ByteArrayInputStream(certificate))).getSubjectX500Principal().getName();
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" / caused by ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
