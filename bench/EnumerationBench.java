import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Can a caller tell an unknown certificate number from a known one by how fast "no match" comes back?
 * Sends interleaved, shuffled requests of three kinds over one keep-alive connection, one at a time:
 * an unknown number, a known number with a wrong name, a known number with a wrong code. Prints each kind's
 * median and the Mann–Whitney z of every pair (|z| under 2: no difference this run can show). Never fails on timing.
 * Usage: java bench/EnumerationBench.java URL NUMBER NAME CODE [requests per kind] [warm-up per kind]
 */
public class EnumerationBench {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String number = args[1];
        String name = args[2];
        String code = args[3];
        int perKind = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int warmUp = args.length > 5 ? Integer.parseInt(args[5]) : 1000;
        // same length and shape as the known number, so only existence differs
        String unknown = number.substring(0, number.length() - 3) + (number.endsWith("987") ? "123" : "987");
        String wrongCode = code.charAt(0) == 'Z' ? "Y" + code.substring(1) : "Z" + code.substring(1);
        String wrongName = name.substring(1) + name.charAt(0);
        String[] kinds = {"unknown number", "known, wrong name", "known, wrong code"};
        String[] bodies = {body(unknown, name, code), body(number, wrongName, code), body(number, name, wrongCode)};

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        run(client, uri, bodies, warmUp, null);
        long[][] nanos = new long[3][perKind];
        int[] statuses = run(client, uri, bodies, perKind, nanos);

        System.out.printf("%d interleaved requests of each kind, one at a time (answers: %s)%n", perKind, Arrays.toString(statuses));
        for (int k = 0; k < 3; k++) {
            System.out.printf("  %-18s median %7.1f µs%n", kinds[k], median(nanos[k]) / 1000.0);
        }
        for (int[] pair : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
            System.out.printf("  %-18s vs %-18s  Δmedian %+6.1f µs   z %+5.2f%n", kinds[pair[0]], kinds[pair[1]],
                    (median(nanos[pair[0]]) - median(nanos[pair[1]])) / 1000.0, mannWhitneyZ(nanos[pair[0]], nanos[pair[1]]));
        }
    }

    private static String body(String number, String name, String code) {
        return "{\"certificateNumber\":\"" + number + "\",\"holderName\":\"" + name + "\",\"verificationCode\":\"" + code + "\"}";
    }

    /** Sends n of each kind in a shuffled order; records each latency when asked; counts answers by status. */
    private static int[] run(HttpClient client, URI uri, String[] bodies, int n, long[][] nanos) throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < bodies.length; k++) {
            for (int i = 0; i < n; i++) {
                order.add(k);
            }
        }
        Collections.shuffle(order, new Random(11));
        int[] next = new int[bodies.length];
        int[] statuses = new int[6];
        for (int k : order) {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies[k])).build();
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            statuses[Math.min(response.statusCode() / 100, 5)]++;
            if (nanos != null) {
                nanos[k][next[k]++] = took;
            }
        }
        return statuses;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }

    /** Normal approximation of the Mann–Whitney U (ties get their mean rank); negative when a is faster. */
    private static double mannWhitneyZ(long[] a, long[] b) {
        int n1 = a.length;
        int n2 = b.length;
        long[][] all = new long[n1 + n2][];
        for (int i = 0; i < n1; i++) {
            all[i] = new long[] {a[i], 0};
        }
        for (int i = 0; i < n2; i++) {
            all[n1 + i] = new long[] {b[i], 1};
        }
        Arrays.sort(all, (x, y) -> Long.compare(x[0], y[0]));
        double rankSumA = 0;
        for (int i = 0; i < all.length;) {
            int j = i;
            while (j < all.length && all[j][0] == all[i][0]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int t = i; t < j; t++) {
                if (all[t][1] == 0) {
                    rankSumA += rank;
                }
            }
            i = j;
        }
        double u = rankSumA - n1 * (n1 + 1) / 2.0;
        double mean = n1 * (double) n2 / 2;
        double sd = Math.sqrt(n1 * (double) n2 * (n1 + n2 + 1) / 12);
        return (u - mean) / sd;
    }
}
