import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.CredentialFactory;
import com.etitle.certificate.EffectiveScope;
import com.etitle.certificate.Level;
import com.etitle.certificate.LicenceId;
import com.etitle.crypto.CompactJws;
import com.etitle.crypto.X509SigningKey;
import com.etitle.crypto.KeyAlgorithm;
import com.etitle.crypto.Keys;
import com.etitle.face.FaceSealer;
import com.etitle.face.FaceSigner;
import com.etitle.face.OfdFaces;
import com.etitle.face.Face;
import com.etitle.face.FaceFont;
import com.etitle.face.FaceRenderer;
import com.etitle.face.QrCodes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cost of the printable forms of one certificate, each timed apart:
 *   render     = lay out the one-page face, embed the CJK font subset, save (unsigned PDF)
 *   sign       = load that PDF, add the PAdES signature as an incremental update, CMS with ECDSA P-256, its widget
 *                showing the authority's seal
 *   PDF        = render + sign, what a PDF download costs
 *   OFD render = the same layout as OFD parts: page XML, subset font (TTFSubsetter), QR PNG, entry with metadata
 *   OFD seal   = SM3 of every part, Signature.xml, the SM2 SES_Signature (GB/T 38540) over it, zip
 *   OFD        = render + seal, what an OFD download costs
 *   QR         = the compact token as a QR code PNG
 * with a token shaped and signed like the service's (Ed25519), in the verification link the QR carries. Then the PDF
 * and the OFD throughput of one thread per core.
 * Run through bench/render; prints figures and never fails on them.
 *   java -cp target/etitle-runner.jar bench/RenderBench.java [measured runs, default 200] [warm-up runs, default 50]
 */
public class RenderBench {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String AUTHORITY = "测试省人力资源和社会保障厅";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        // fontbox warns once per parse about a cmap subtable the face does not use
        java.util.logging.Logger.getLogger("org.apache.fontbox").setLevel(java.util.logging.Level.SEVERE);

        long t0 = System.nanoTime();
        FaceFont font = FaceFont.bundled();
        FaceRenderer renderer = new FaceRenderer(font);
        long t1 = System.nanoTime();
        FaceSigner signer = new FaceSigner(X509SigningKey.generate("BENCH", AUTHORITY, Instant.now()));
        long t2 = System.nanoTime();
        FaceSealer sealer = FaceSealer.generate("BENCH", AUTHORITY, Instant.now(), font);
        long t3 = System.nanoTime();
        FaceSigner.Stamp stamp = FaceSigner.Stamp.of(sealer);
        OfdFaces ofd = new OfdFaces(font, LicenceId.read(LicenceId.EXAMPLE).orElseThrow().typeCode());
        Face face = face("http://localhost:8081/verify#token=" + token());
        int cores = Runtime.getRuntime().availableProcessors();

        System.out.printf("Certificate face; %d measured runs after %d warm-up runs per row; Java %s, %d cores%n",
                runs, warmUp, Runtime.version(), cores);
        System.out.printf("one-off: read the 15 MB font %.0f ms, generate the P-256 document-signing chain %.0f ms, make the SM2 seal"
                + " (keys, picture, SESeal) %.0f ms; QR link %d chars%n", millis(t1 - t0), millis(t2 - t1), millis(t3 - t2), face.qr().length());
        System.out.printf("%-10s %9s %9s %9s %12s%n", "", "p50", "p99", "mean", "size");

        byte[] unsigned = renderer.render(face, Instant.now(), CHINA);
        long[] pdf = row("render", runs, warmUp, () -> renderer.render(face, Instant.now(), CHINA));
        row("sign", runs, warmUp, () -> signer.sign(unsigned, AUTHORITY, Instant.now(), CHINA, stamp));
        long[] signedPdf = row("PDF", runs, warmUp, () -> signedPdf(renderer, signer, stamp, face));
        OfdFaces.Parts parts = ofd.render(face, Instant.now(), CHINA);
        row("OFD render", runs, warmUp, () -> ofd.render(face, Instant.now(), CHINA).files().get("/OFD.xml"));
        row("OFD seal", runs, warmUp, () -> ofd.seal(parts, sealer, Instant.now(), CHINA));
        long[] sealedOfd = row("OFD", runs, warmUp, () -> {
            Instant now = Instant.now();
            return ofd.seal(ofd.render(face, now, CHINA), sealer, now, CHINA);
        });
        row("QR PNG", runs, warmUp, () -> QrCodes.png(face.qr()));
        System.out.printf("sealed OFD / signed PDF: %.2f at p50, %.2f in the mean (target: at most 2)%n",
                (double) percentile(sealedOfd, 50) / percentile(signedPdf, 50), mean(sealedOfd) / mean(signedPdf));

        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            int total = runs * cores;
            long start = System.nanoTime();
            Future<?>[] work = new Future<?>[total];
            for (int i = 0; i < total; i++) {
                work[i] = pool.submit(() -> signedPdf(renderer, signer, stamp, face));
            }
            for (Future<?> f : work) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("signed PDFs on %d threads: %d in %.1f s = %.0f per second%n", cores, total, seconds, total / seconds);
            start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                work[i] = pool.submit(() -> {
                    Instant now = Instant.now();
                    return ofd.seal(ofd.render(face, now, CHINA), sealer, now, CHINA);
                });
            }
            for (Future<?> f : work) {
                f.get();
            }
            seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("sealed OFDs on %d threads: %d in %.1f s = %.0f per second%n", cores, total, seconds, total / seconds);
        } finally {
            pool.shutdown();
        }
        System.out.println("p99 is the nearest-rank percentile of the measured runs; size is that of the last output.");
    }

    private static byte[] signedPdf(FaceRenderer renderer, FaceSigner signer, FaceSigner.Stamp stamp, Face face) {
        Instant now = Instant.now();
        return signer.sign(renderer.render(face, now, CHINA), AUTHORITY, now, CHINA, stamp);
    }

    /** Times the work, prints its row and returns the measured times. */
    private static long[] row(String name, int runs, int warmUp, Supplier<byte[]> work) {
        long[] times = new long[runs];
        byte[] out = null;
        for (int run = -warmUp; run < runs; run++) {
            long start = System.nanoTime();
            out = work.get();
            long took = System.nanoTime() - start;
            if (run >= 0) {
                times[run] = took;
            }
        }
        System.out.printf("%-10s %6.2f ms %6.2f ms %6.2f ms %,8d bytes%n", name, millis(percentile(times, 50)),
                millis(percentile(times, 99)), millis((long) mean(times)), out.length);
        return times;
    }

    private static double mean(long[] times) {
        return (double) Arrays.stream(times).sum() / times.length;
    }

    /** Claims as CredentialFactory.token puts them, signed with a fresh Ed25519 key. */
    private static String token() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", KeyAlgorithm.ED25519.jwsAlgorithm());
        header.put("kid", "BENCH-k1");
        header.put("typ", CredentialFactory.TOKEN_TYPE);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "BENCH");
        claims.put("sub", "20260000000012345");
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("name", "张三");
        claims.put("title", "高级工程师");
        claims.put("level", "DEPUTY_SENIOR");
        claims.put("series", "工程");
        claims.put("specialty", "建筑设计");
        claims.put("qdate", "2026-06-18");
        return CompactJws.sign(header, claims, Keys.generate(KeyAlgorithm.ED25519).signer(), new ObjectMapper());
    }

    private static Face face(String qr) {
        return new Face("BENCH", AUTHORITY, "20260000000012345", LicenceId.EXAMPLE, "K7Q2M9", "张三", "测试省建筑设计研究院", "高级工程师", Level.DEPUTY_SENIOR,
                "工程", "建筑设计", EffectiveScope.PROVINCE_WIDE, LocalDate.of(2026, 6, 18), "测人社职〔2026〕12号", LocalDate.of(2026, 7, 2),
                CertificateStatus.VALID, qr);
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
