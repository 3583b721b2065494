package com.etitle.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.etitle.audit.AuditLog;
import com.etitle.authority.KeysConfig;
import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.EffectiveScope;
import com.etitle.certificate.Level;
import com.etitle.certificate.LicenceId;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.crypto.X509SigningKey;
import com.etitle.support.Api;
import com.etitle.support.Pdfs;
import com.etitle.support.Requests;
import com.etitle.support.TestEnvironment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Where the document-signing keys come from: generated into the key folder when generation is on, mounted by an
 * operator (PKCS#12 made with OpenSSL) when it is off, and a clear 503 problem, never a 500, when there is none
 * or it cannot be read.
 */
@QuarkusTest
class FaceSigningKeysTest {

    private static final String PASSWORD = "test-secret";

    @Inject
    CertificateFaces faces;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @TempDir
    Path mounted;

    record Config(Optional<Path> dir, boolean generate, Optional<String> pkcs12Password) implements KeysConfig {
    }

    @Test
    void a_generated_chain_is_written_owner_only_and_has_a_ca_root_and_a_document_signing_leaf() throws Exception {
        faces.signingChainPem("TEST-A");
        Path file = TestEnvironment.keysDir().resolve("TEST-A").resolve(FaceSigners.FILE);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        X509SigningKey key = X509SigningKey.fromPkcs12(Files.readAllBytes(file), PASSWORD.toCharArray());
        X509Certificate leaf = key.chain().get(0);
        X509Certificate root = key.chain().get(1);
        assertThat(root.getSubjectX500Principal().getName()).contains("CN=TEST-A document signing root");
        assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(root.getBasicConstraints()).as("CA").isGreaterThanOrEqualTo(0);
        assertThat(leaf.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(leaf.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(leaf.getExtendedKeyUsage()).contains(X509SigningKey.DOCUMENT_SIGNING_EKU, "1.3.6.1.5.5.7.3.4");
        assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(key.chainPem()).isEqualTo(faces.signingChainPem("TEST-A"));
    }

    @Test
    void without_a_key_and_with_generation_off_a_document_is_a_503_problem() {
        FaceSigners signers = signers(new Config(Optional.of(mounted), false, Optional.of(PASSWORD)));

        assertThatThrownBy(() -> inTransaction(() -> signers.forAuthority("TEST-B")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.DOCUMENT_SIGNING_UNAVAILABLE);
                    assertThat(e.type().status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("TEST-B/" + FaceSigners.FILE);
                });
        assertThat(mounted.resolve("TEST-B")).doesNotExist();
    }

    @Test
    void a_key_file_that_cannot_be_opened_is_a_503_problem_too() throws Exception {
        Files.createDirectories(mounted.resolve("TEST-B"));
        Files.write(mounted.resolve("TEST-B").resolve(FaceSigners.FILE),
                X509SigningKey.generate("TEST-B", "另一省", Instant.now()).toPkcs12("another password".toCharArray()));
        FaceSigners signers = signers(new Config(Optional.of(mounted), false, Optional.of(PASSWORD)));

        assertThatThrownBy(() -> inTransaction(() -> signers.forAuthority("TEST-B")))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.DOCUMENT_SIGNING_UNAVAILABLE));
    }

    @Test
    void a_chain_an_operator_made_with_openssl_is_mounted_and_signs_documents_pdfsig_accepts() throws Exception {
        Path dir = Files.createDirectories(mounted.resolve("TEST-B"));
        Files.writeString(dir.resolve("leaf.ext"), "keyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=emailProtection\n");
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "root.key",
                "-out", "root.crt", "-days", "30", "-subj", "/CN=TEST-B operator root",
                "-addext", "basicConstraints=critical,CA:true", "-addext", "keyUsage=critical,keyCertSign");
        run(dir, "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "leaf.key",
                "-out", "leaf.csr", "-subj", "/CN=TEST-B operator signer");
        run(dir, "openssl", "x509", "-req", "-in", "leaf.csr", "-CA", "root.crt", "-CAkey", "root.key", "-CAcreateserial",
                "-out", "leaf.crt", "-days", "30", "-extfile", "leaf.ext");
        run(dir, "openssl", "pkcs12", "-export", "-inkey", "leaf.key", "-in", "leaf.crt", "-certfile", "root.crt",
                "-out", FaceSigners.FILE, "-passout", "pass:" + PASSWORD);
        FaceSigners signers = signers(new Config(Optional.of(mounted), false, Optional.of(PASSWORD)));

        FaceSigner signer = inTransaction(() -> signers.forAuthority("TEST-B"));
        byte[] pdf = signer.sign(new FaceRenderer(FaceFont.bundled()).render(face(), Instant.now(), ZoneId.of("Asia/Shanghai")),
                "另一省人力资源和社会保障厅", Instant.now(), ZoneId.of("Asia/Shanghai"));

        assertThat(signer.key().chain()).hasSize(2);
        assertThat(Pdfs.signatureReport(pdf)).contains("Signature is Valid", "CN=TEST-B operator signer");
    }

    @Test
    void the_face_of_a_certificate_can_be_built_from_its_record_and_rendered_without_a_transaction() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        Face face = inTransaction(() -> faces.face(com.etitle.certificate.Certificate.findByNumber(number).orElseThrow()));

        byte[] pdf = faces.signedPdf(face);

        assertThat(Pdfs.text(pdf)).contains(number, "张三");
    }

    private FaceSigners signers(KeysConfig config) {
        return new FaceSigners(config, clock, audit, em);
    }

    private static <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    private static Face face() {
        return new Face("TEST-B", "另一省人力资源和社会保障厅", "20260000000099999", LicenceId.EXAMPLE, "ABC123", "李四", "另一省人民医院", "主治医师",
                Level.INTERMEDIATE, "卫生", "心血管内科", EffectiveScope.PROVINCE_WIDE, LocalDate.of(2026, 5, 10), "另人社职〔2026〕7号",
                LocalDate.of(2026, 5, 20), CertificateStatus.VALID, "not-a-real-token");
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
    }
}
