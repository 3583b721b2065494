package com.etitle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.etitle.support.OpenSsl;
import com.etitle.support.OpenSsl.Asn1;
import com.etitle.support.OpenSsl.Verdict;

/**
 * The GB/T 38540 electronic seal and its sealing, read back by the OpenSSL 3 command line rather than by the
 * BouncyCastle that wrote them: {@code openssl asn1parse} finds the structures' fields, {@code openssl pkeyutl} checks
 * the SM2 signatures with the public keys {@code openssl x509} takes from the certificates the structures carry,
 * {@code openssl verify} the chain, {@code openssl dgst -sm3} the data hash. Every check has a failing twin.
 */
class ElectronicSealTest {

    private static final Instant NOW = Instant.parse("2026-07-01T02:00:00Z");
    private static final byte[] SIGNATURE_XML = "<ofd:Signature xmlns:ofd=\"http://www.ofdspec.org/2016\">…</ofd:Signature>"
            .getBytes(StandardCharsets.UTF_8);
    /** Any PNG will do for the structure: a 1×1 transparent one. */
    private static final byte[] PICTURE = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static SealKey.Generated keys;
    private static ElectronicSeal seal;

    @TempDir
    Path dir;

    private OpenSsl openssl;

    @BeforeAll
    static void one_seal_for_all_tests() {
        OpenSsl.assertVersion3();
        keys = SealKey.generate("TEST-A", "测试省人力资源和社会保障厅", NOW);
        seal = ElectronicSeal.make(new ElectronicSeal.Description("TEST-A-0001", "测试省人力资源和社会保障厅",
                new ElectronicSeal.Picture("PNG", PICTURE, 42, 42), NOW, NOW.plus(SealKey.VALIDITY), "etitle"), keys.signer(), keys.maker(), NOW);
    }

    @BeforeEach
    void openssl_works_in_the_temporary_folder() {
        openssl = new OpenSsl(dir);
    }

    @Test
    void openssl_reads_an_ses_signature_of_version_4_with_its_seal_and_the_sm3_with_sm2_algorithm() {
        byte[] signed = seal.sign(keys.signer(), SIGNATURE_XML, NOW, "/Doc_0/Signs/Sign_0/Signature.xml");

        List<Asn1> top = children(openssl.asn1(signed));
        assertThat(top).extracting(Asn1::type).containsExactly("SEQUENCE", "OCTET STRING", "OBJECT", "BIT STRING");
        assertThat(top.get(2).value()).isIn("SM2-with-SM3", SealKey.SM3_WITH_SM2);
        List<Asn1> toSign = children(openssl.asn1(top.get(0).in(signed)));
        assertThat(toSign).extracting(Asn1::type).containsExactly("INTEGER", "SEQUENCE", "GENERALIZEDTIME", "BIT STRING", "IA5STRING");
        assertThat(toSign.get(0).value()).isEqualTo("04");
        assertThat(toSign.get(2).value()).isEqualTo("20260701020000Z");
        assertThat(toSign.get(4).value()).isEqualTo("/Doc_0/Signs/Sign_0/Signature.xml");
        assertThat(toSign.get(1).in(top.get(0).in(signed))).as("the seal, byte for byte").isEqualTo(seal.encoded());
    }

    @Test
    void openssl_verifies_the_sealing_signature_over_tbs_sign_with_the_key_of_the_certificate_it_carries() {
        byte[] signed = seal.sign(keys.signer(), SIGNATURE_XML, NOW, "/Doc_0/Signs/Sign_0/Signature.xml");
        Parts parts = parts(signed);

        assertThat(parts.certificate()).isEqualTo(keys.signer().certificate());
        assertThat(openssl.verifySm2Der(openssl.publicKeyOfCertificate(parts.certificate()), parts.toSign(), parts.signature()))
                .isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void openssl_rejects_the_sealing_signature_when_one_byte_of_tbs_sign_is_changed() {
        Parts parts = parts(seal.sign(keys.signer(), SIGNATURE_XML, NOW, "/Doc_0/Signs/Sign_0/Signature.xml"));
        byte[] changed = parts.toSign().clone();
        // a byte of the data hash, near the end: the structure stays well-formed, only the content differs
        changed[changed.length - 40] ^= 0x01;

        assertThat(openssl.verifySm2Der(openssl.publicKeyOfCertificate(parts.certificate()), changed, parts.signature()))
                .isEqualTo(Verdict.REJECTED);
    }

    @Test
    void openssl_rejects_the_sealing_signature_under_the_seal_maker_s_key() {
        Parts parts = parts(seal.sign(keys.signer(), SIGNATURE_XML, NOW, "/Doc_0/Signs/Sign_0/Signature.xml"));

        assertThat(openssl.verifySm2Der(openssl.publicKeyOfCertificate(keys.maker().certificate()), parts.toSign(), parts.signature()))
                .isEqualTo(Verdict.REJECTED);
    }

    @Test
    void the_data_hash_is_the_sm3_digest_openssl_computes_of_the_signed_data_and_not_of_other_data() {
        byte[] signed = seal.sign(keys.signer(), SIGNATURE_XML, NOW, "/Doc_0/Signs/Sign_0/Signature.xml");
        byte[] toSign = parts(signed).toSign();
        List<Asn1> fields = children(openssl.asn1(toSign));
        // a BIT STRING's content starts with the count of unused bits, 0 here
        byte[] bits = fields.get(3).content(toSign);
        byte[] dataHash = java.util.Arrays.copyOfRange(bits, 1, bits.length);

        assertThat(bits[0]).isZero();
        assertThat(dataHash).isEqualTo(openssl.digest(KeyAlgorithm.SM2, SIGNATURE_XML));
        byte[] other = SIGNATURE_XML.clone();
        other[10] ^= 0x01;
        assertThat(dataHash).isNotEqualTo(openssl.digest(KeyAlgorithm.SM2, other));
    }

    @Test
    void openssl_verifies_the_seal_maker_s_signature_over_the_seal_information_and_rejects_a_changed_one() {
        byte[] der = seal.encoded();
        List<Asn1> fields = children(openssl.asn1(der));
        assertThat(fields).extracting(Asn1::type).containsExactly("SEQUENCE", "OCTET STRING", "OBJECT", "BIT STRING");
        byte[] info = fields.get(0).in(der);
        byte[] signature = bitStringContent(fields.get(3).content(der));
        String maker = openssl.publicKeyOfCertificate(fields.get(1).content(der));

        assertThat(openssl.verifySm2Der(maker, info, signature)).isEqualTo(Verdict.VERIFIED);
        byte[] changed = info.clone();
        changed[changed.length - 5] ^= 0x01;
        assertThat(openssl.verifySm2Der(maker, changed, signature)).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void the_seal_information_holds_the_header_es_4_the_name_the_signer_s_certificate_and_the_png_picture() {
        byte[] info = children(openssl.asn1(seal.encoded())).get(0).in(seal.encoded());
        List<Asn1> all = openssl.asn1(info);

        assertThat(all).extracting(Asn1::type, Asn1::value).contains(
                org.assertj.core.groups.Tuple.tuple("IA5STRING", "ES"), org.assertj.core.groups.Tuple.tuple("INTEGER", "04"),
                org.assertj.core.groups.Tuple.tuple("IA5STRING", "TEST-A-0001"), org.assertj.core.groups.Tuple.tuple("IA5STRING", "PNG"),
                org.assertj.core.groups.Tuple.tuple("INTEGER", "2A"));
        assertThat(all).filteredOn(e -> e.type().equals("OCTET STRING")).extracting(e -> e.content(info))
                .anySatisfy(certificate -> assertThat(certificate).isEqualTo(keys.signer().certificate()))
                .anySatisfy(picture -> assertThat(picture).isEqualTo(PICTURE));
        assertThat(all).anySatisfy(e -> assertThat(e.type()).isEqualTo("UTF8STRING"));
    }

    @Test
    void openssl_verifies_the_seal_certificate_and_the_maker_s_against_the_seal_root_and_not_against_another_root() {
        String root = pem(keys.signer().chain().get(1));
        String otherRoot = pem(SealKey.generate("TEST-B", "另一省", NOW).signer().chain().get(1));

        assertThat(openssl.verifyCertificate(root, pem(keys.signer().chain().get(0)))).isEqualTo(Verdict.VERIFIED);
        assertThat(openssl.verifyCertificate(root, pem(keys.maker().chain().get(0)))).isEqualTo(Verdict.VERIFIED);
        assertThat(openssl.verifyCertificate(otherRoot, pem(keys.signer().chain().get(0)))).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void a_seal_read_back_is_the_same_seal_and_one_changed_byte_of_its_information_makes_it_unreadable() {
        ElectronicSeal read = ElectronicSeal.parse(seal.encoded());
        byte[] changed = seal.encoded().clone();
        // the last character of the seal's id, "TEST-A-0001": still well-formed DER, no longer what the maker signed
        changed[indexOf(changed, "TEST-A-0001".getBytes(StandardCharsets.US_ASCII)) + 10] ^= 0x01;

        assertThat(read.encoded()).isEqualTo(seal.encoded());
        assertThat(read.name()).isEqualTo("测试省人力资源和社会保障厅");
        assertThat(read.picture().widthMm()).isEqualTo(42);
        assertThat(read.lists(keys.signer().certificate())).isTrue();
        assertThatThrownBy(() -> ElectronicSeal.parse(changed)).isInstanceOf(CryptoException.class);
    }

    @Test
    void a_key_the_seal_does_not_list_cannot_seal_with_it() {
        SealKey stranger = SealKey.generate("TEST-B", "另一省", NOW).signer();

        assertThatThrownBy(() -> seal.sign(stranger, SIGNATURE_XML, NOW, "/Doc_0/Signs/Sign_0/Signature.xml"))
                .isInstanceOf(CryptoException.class).hasMessageContaining("does not list");
    }

    @Test
    void a_seal_key_written_to_pkcs12_reads_back_with_its_chain_and_not_with_another_password() {
        byte[] file = keys.signer().toPkcs12("secret".toCharArray());

        SealKey read = SealKey.fromPkcs12(file, "secret".toCharArray());

        assertThat(read.certificate()).isEqualTo(keys.signer().certificate());
        assertThat(read.chainPem()).isEqualTo(keys.signer().chainPem());
        assertThatThrownBy(() -> SealKey.fromPkcs12(file, "wrong".toCharArray())).isInstanceOf(CryptoException.class);
    }

    /** The three parts of an SES_Signature a verifier needs, cut out where {@code openssl asn1parse} says they are. */
    private record Parts(byte[] toSign, byte[] certificate, byte[] signature) {
    }

    private Parts parts(byte[] signed) {
        List<Asn1> top = children(openssl.asn1(signed));
        return new Parts(top.get(0).in(signed), top.get(1).content(signed), bitStringContent(top.get(3).content(signed)));
    }

    /** The fields of the outermost structure. */
    private static List<Asn1> children(List<Asn1> elements) {
        return elements.stream().filter(e -> e.depth() == 1).toList();
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static byte[] bitStringContent(byte[] content) {
        assertThat(content[0]).as("unused bits").isZero();
        return java.util.Arrays.copyOfRange(content, 1, content.length);
    }

    private static String pem(java.security.cert.X509Certificate certificate) {
        return Keys.certificatesPem(List.of(certificate));
    }
}
