import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

import com.etitle.crypto.Encodings;
import com.etitle.crypto.KeyAlgorithm;
import com.etitle.crypto.Keys;
import com.etitle.crypto.Signer;

/**
 * The floor of what batch issuance can reach on this machine and database: sign N credential-sized and
 * N token-sized payloads with Ed25519 and batch-insert N rows of certificate size in one transaction,
 * nothing else. Usage: java -cp target/etitle-runner.jar bench/RawIssueRate.java JDBC_URL [N]
 */
public class RawIssueRate {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Signer signer = Keys.generate(KeyAlgorithm.ED25519).signer();
        String credential = "x".repeat(1400);
        String token = "y".repeat(280);
        for (int warm = 0; warm < 2000; warm++) {
            signer.sign(credential.getBytes(StandardCharsets.UTF_8));
        }
        try (Connection c = DriverManager.getConnection(url + "?reWriteBatchedInserts=true", "postgres", "postgres")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE raw_issue (number text, credential text, token text, signature text)");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO raw_issue VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    String number = "2026" + String.format("%013d", i);
                    byte[] a = signer.sign((credential + number).getBytes(StandardCharsets.UTF_8));
                    byte[] b = signer.sign((token + number).getBytes(StandardCharsets.UTF_8));
                    insert.setString(1, number);
                    insert.setString(2, credential + Encodings.multibase(a));
                    insert.setString(3, token + Encodings.base64Url(b));
                    insert.setString(4, Encodings.base64Url(a));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("raw: %d rows signed twice and batch-inserted in one transaction in %.2f s = %.0f rows/s%n", n, seconds, n / seconds);
        }
    }
}
