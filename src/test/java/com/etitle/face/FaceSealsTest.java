package com.etitle.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.etitle.audit.AuditLog;
import com.etitle.authority.KeysConfig;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.crypto.ElectronicSeal;
import com.etitle.crypto.SealKey;
import com.etitle.support.TestEnvironment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Where the electronic seals come from: made by the service into the key folder when key generation is on, mounted by
 * an operator (a seal made by the authority's seal maker, with the PKCS#12 of the key it lists) when it is off, and a
 * clear 503 problem, never a 500, when there is none or it cannot be used.
 */
@QuarkusTest
class FaceSealsTest {

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
    void a_generated_seal_is_written_owner_only_lists_the_key_beside_it_and_shows_the_authority_s_name() throws Exception {
        faces.sealChainPem("TEST-A");
        Path dir = TestEnvironment.keysDir().resolve("TEST-A");

        assertThat(Files.getPosixFilePermissions(dir.resolve(FaceSeals.KEY_FILE))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve(FaceSeals.SEAL_FILE))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        SealKey key = SealKey.fromPkcs12(Files.readAllBytes(dir.resolve(FaceSeals.KEY_FILE)), PASSWORD.toCharArray());
        ElectronicSeal seal = ElectronicSeal.parse(Files.readAllBytes(dir.resolve(FaceSeals.SEAL_FILE)));
        assertThat(seal.lists(key.certificate())).isTrue();
        assertThat(seal.name()).isEqualTo("测试省人力资源和社会保障厅");
        assertThat(seal.picture().type()).isEqualTo("PNG");
        assertThat(seal.picture().widthMm()).isEqualTo(SealPicture.DIAMETER_MM);
        assertThat(key.chain().get(1).getSubjectX500Principal().getName()).contains("CN=TEST-A seal root");
        assertThat(key.chainPem()).isEqualTo(faces.sealChainPem("TEST-A"));
    }

    @Test
    void a_seal_the_authority_s_seal_maker_made_is_mounted_and_used() throws Exception {
        SealKey.Generated keys = SealKey.generate("TEST-B", "另一省人力资源和社会保障厅", Instant.now());
        ElectronicSeal made = seal(keys.signer(), keys.maker());
        mount(keys.signer(), made);

        FaceSealer sealer = inTransaction(() -> seals(false).forAuthority("TEST-B", FaceFont::bundled));

        assertThat(sealer.seal().encoded()).isEqualTo(made.encoded());
        assertThat(sealer.key().certificate()).isEqualTo(keys.signer().certificate());
    }

    @Test
    void a_seal_key_an_operator_made_with_openssl_is_mounted_with_the_seal_made_for_it_and_seals() throws Exception {
        Path dir = Files.createDirectories(mounted.resolve("TEST-B"));
        // OpenSSL 3 signs SM2 certificates with an empty id unless told; GM/T 0015 wants the default id, as BouncyCastle uses
        String id = "distid:1234567812345678";
        run(dir, "openssl", "genpkey", "-algorithm", "ec", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "root.key");
        run(dir, "openssl", "genpkey", "-algorithm", "ec", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "seal.key");
        run(dir, "openssl", "req", "-x509", "-key", "root.key", "-sm3", "-sigopt", id, "-out", "root.crt", "-days", "30",
                "-subj", "/CN=TEST-B operator seal root", "-addext", "basicConstraints=critical,CA:true", "-addext", "keyUsage=critical,keyCertSign");
        run(dir, "openssl", "req", "-new", "-key", "seal.key", "-sm3", "-sigopt", id, "-out", "seal.csr", "-subj", "/CN=TEST-B operator seal");
        Files.writeString(dir.resolve("seal.ext"), "keyUsage=critical,digitalSignature,nonRepudiation\n");
        run(dir, "openssl", "x509", "-req", "-in", "seal.csr", "-CA", "root.crt", "-CAkey", "root.key", "-CAcreateserial", "-days", "30",
                "-sm3", "-sigopt", id, "-vfyopt", id, "-extfile", "seal.ext", "-out", "seal.crt");
        run(dir, "openssl", "pkcs12", "-export", "-inkey", "seal.key", "-in", "seal.crt", "-certfile", "root.crt", "-out", FaceSeals.KEY_FILE,
                "-passout", "pass:" + PASSWORD);
        SealKey operatorKey = SealKey.fromPkcs12(Files.readAllBytes(dir.resolve(FaceSeals.KEY_FILE)), PASSWORD.toCharArray());
        Files.write(dir.resolve(FaceSeals.SEAL_FILE), seal(operatorKey, SealKey.generate("MAKER", "制章单位", Instant.now()).maker()).encoded());

        FaceSealer sealer = inTransaction(() -> seals(false).forAuthority("TEST-B", FaceFont::bundled));

        assertThat(sealer.key().chain().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=TEST-B operator seal");
        assertThat(sealer.sign(new byte[] {1, 2, 3}, Instant.now(), "/Doc_0/Signs/Sign_0/Signature.xml")).isNotEmpty();
    }

    @Test
    void without_a_seal_and_with_generation_off_a_face_is_a_503_problem_naming_the_files() {
        assertThatThrownBy(() -> inTransaction(() -> seals(false).forAuthority("TEST-B", FaceFont::bundled)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.DOCUMENT_SIGNING_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("TEST-B/" + FaceSeals.KEY_FILE, "TEST-B/" + FaceSeals.SEAL_FILE);
                });
        assertThat(mounted.resolve("TEST-B")).doesNotExist();
    }

    @Test
    void a_mounted_seal_that_does_not_list_the_mounted_key_is_a_503_problem() throws Exception {
        SealKey.Generated keys = SealKey.generate("TEST-B", "另一省人力资源和社会保障厅", Instant.now());
        SealKey other = SealKey.generate("TEST-B", "另一省人力资源和社会保障厅", Instant.now()).signer();
        mount(other, seal(keys.signer(), keys.maker()));

        assertThatThrownBy(() -> inTransaction(() -> seals(false).forAuthority("TEST-B", FaceFont::bundled)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.DOCUMENT_SIGNING_UNAVAILABLE));
    }

    @Test
    void a_seal_key_mounted_without_its_seal_is_a_503_problem_even_where_generation_is_on() throws Exception {
        SealKey.Generated keys = SealKey.generate("TEST-B", "另一省人力资源和社会保障厅", Instant.now());
        Path dir = Files.createDirectories(mounted.resolve("TEST-B"));
        Files.write(dir.resolve(FaceSeals.KEY_FILE), keys.signer().toPkcs12(PASSWORD.toCharArray()));

        assertThatThrownBy(() -> inTransaction(() -> seals(true).forAuthority("TEST-B", FaceFont::bundled)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.DOCUMENT_SIGNING_UNAVAILABLE));
        assertThat(dir.resolve(FaceSeals.SEAL_FILE)).as("nothing made over an operator's key").doesNotExist();
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
    }

    private static ElectronicSeal seal(SealKey signer, SealKey maker) {
        Instant now = Instant.now();
        // any picture: the seal maker's own
        byte[] picture = QrCodes.png("另一省人力资源和社会保障厅");
        return ElectronicSeal.make(new ElectronicSeal.Description("TEST-B-0001", "另一省人力资源和社会保障厅",
                new ElectronicSeal.Picture("PNG", picture, 40, 40), now.minusSeconds(60), now.plus(SealKey.VALIDITY), "maker"), signer, maker, now);
    }

    private void mount(SealKey key, ElectronicSeal seal) throws Exception {
        Path dir = Files.createDirectories(mounted.resolve("TEST-B"));
        Files.write(dir.resolve(FaceSeals.KEY_FILE), key.toPkcs12(PASSWORD.toCharArray()));
        Files.write(dir.resolve(FaceSeals.SEAL_FILE), seal.encoded());
    }

    private FaceSeals seals(boolean generate) {
        return new FaceSeals(new Config(Optional.of(mounted), generate, Optional.of(PASSWORD)), clock, audit, em);
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
