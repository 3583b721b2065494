import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.etitle.certificate.CredentialFactory;
import com.etitle.crypto.DataIntegrity;
import com.etitle.crypto.KeyAlgorithm;
import com.etitle.crypto.Keys;
import com.etitle.crypto.Signer;
import com.etitle.status.Bitstring;
import com.etitle.status.StatusList;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cost of publishing one W3C Bitstring Status List of 131,072 entries, in two steps timed apart:
 *   build = set the bits + GZIP + base64url (Bitstring.encoded())
 *   sign  = assemble the BitstringStatusListCredential + DataIntegrity.addProof (JCS, SHA-256, Ed25519)
 * for 0 %, 1 % and 10 % of the entries set at random positions, with a fresh position set each run.
 * Run through bench/status-list; prints figures and never fails on them.
 *   java -cp target/etitle-runner.jar bench/StatusListBench.java [measured runs, default 200] [warm-up runs, default 50]
 */
public class StatusListBench {

    private static final int SIZE = StatusList.SIZE;
    private static final String LIST_URL = "https://etitle.example/api/v1/status-lists/1-revocation";
    private static final String ISSUER = "https://etitle.example/api/v1/issuers/BENCH";
    private static final double[] FRACTIONS = {0.0, 0.01, 0.10};

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        ObjectMapper mapper = new ObjectMapper();
        Signer signer = Keys.generate(KeyAlgorithm.ED25519).signer();
        SplittableRandom random = new SplittableRandom();

        System.out.printf("Bitstring Status List of %,d entries; %d measured runs after %d warm-up runs per row; Java %s, %d cores%n",
                SIZE, runs, warmUp, Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-6s %9s %9s %9s %9s %12s %13s%n", "set", "build p50", "build p99", "sign p50", "sign p99", "encodedList", "signed JSON");
        for (double fraction : FRACTIONS) {
            int count = (int) Math.round(SIZE * fraction);
            long[] build = new long[runs];
            long[] sign = new long[runs];
            int[] encodedLength = new int[runs];
            int[] signedLength = new int[runs];
            for (int run = -warmUp; run < runs; run++) {
                int[] positions = positions(count, random);

                long t0 = System.nanoTime();
                Bitstring bits = new Bitstring(SIZE);
                for (int position : positions) {
                    bits.set(position);
                }
                String encoded = bits.encoded();
                long t1 = System.nanoTime();
                ObjectNode secured = DataIntegrity.addProof(credential(mapper, encoded), signer, ISSUER + "#BENCH-k1", Instant.now());
                long t2 = System.nanoTime();

                if (run >= 0) {
                    build[run] = t1 - t0;
                    sign[run] = t2 - t1;
                    encodedLength[run] = encoded.length();
                    signedLength[run] = mapper.writeValueAsBytes(secured).length;
                }
            }
            System.out.printf("%5.0f%% %6.2f ms %6.2f ms %6.2f ms %6.2f ms %,8d chars %,9d bytes%n", fraction * 100,
                    millis(percentile(build, 50)), millis(percentile(build, 99)), millis(percentile(sign, 50)), millis(percentile(sign, 99)),
                    median(encodedLength), median(signedLength));
        }
        System.out.println("p99 is the nearest-rank percentile of the measured runs; sizes are medians (they vary with the positions drawn).");
        System.out.println("build = set bits + GZIP + base64url; sign = assemble the credential + JCS + SHA-256 + Ed25519 proof.");
    }

    /** The credential StatusLists signs, with the same members. */
    private static ObjectNode credential(ObjectMapper mapper, String encodedList) {
        ObjectNode vc = mapper.createObjectNode();
        vc.putArray("@context").add(CredentialFactory.VC_CONTEXT);
        vc.put("id", LIST_URL);
        vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        vc.putObject("issuer").put("id", ISSUER).put("name", "测试省人力资源和社会保障厅");
        vc.put("validFrom", "2026-06-18T09:30:00Z");
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", LIST_URL + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("ttl", 60_000);
        subject.put("encodedList", encodedList);
        return vc;
    }

    /** {@code count} distinct random indices (partial Fisher-Yates). */
    private static int[] positions(int count, SplittableRandom random) {
        int[] all = new int[SIZE];
        Arrays.setAll(all, i -> i);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(SIZE - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        return Arrays.copyOf(all, count);
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static int median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
