package com.etitle.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The eddsa-jcs-2022 test vector of W3C vc-di-eddsa: a proof we make must be byte-identical to the one the
 * specification publishes, and the published one must verify here. Ed25519 is deterministic, so the vector
 * pins the whole pipeline: proof configuration, JCS, SHA-256, hash order, signature and base58btc.
 */
class DataIntegrityVectorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String PUBLIC_KEY_MULTIBASE = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    private static final String PRIVATE_KEY_MULTIBASE = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    /** Multicodec varint prefixes: ed25519-pub (0xed) and ed25519-priv (0x1300). */
    private static final byte[] ED25519_PUB_CODEC = {(byte) 0xed, 0x01};
    private static final byte[] ED25519_PRIV_CODEC = {(byte) 0x80, 0x26};

    private static final String VERIFICATION_METHOD = "https://vc.example/issuers/5678#" + PUBLIC_KEY_MULTIBASE;
    private static final Instant CREATED = Instant.parse("2023-02-24T23:36:38Z");
    private static final String PROOF_VALUE =
            "z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4";

    private static final String SIGNED = """
            {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],
             "id":"urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
             "type":["VerifiableCredential","AlumniCredential"],
             "name":"Alumni Credential",
             "description":"A minimum viable example of an Alumni Credential.",
             "issuer":"https://vc.example/issuers/5678",
             "validFrom":"2023-01-01T00:00:00Z",
             "credentialSubject":{"id":"did:example:abcdefgh","alumniOf":"The School of Examples"},
             "proof":{"type":"DataIntegrityProof","cryptosuite":"eddsa-jcs-2022","created":"2023-02-24T23:36:38Z",
              "verificationMethod":"https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
              "proofPurpose":"assertionMethod",
              "@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],
              "proofValue":"%s"}}
            """.formatted(PROOF_VALUE);

    @Test
    void the_published_key_pair_belongs_together_and_its_multikey_is_the_published_one() {
        assertThat(vectorKey().publicKeySpki()).isEqualTo(vectorPublicKeySpki());
        assertThat(Keys.multikey(vectorPublicKeySpki())).isEqualTo(PUBLIC_KEY_MULTIBASE);
    }

    @Test
    void signing_the_unsigned_credential_reproduces_the_published_proof() {
        ObjectNode unsigned = signed();
        unsigned.remove("proof");

        ObjectNode secured = DataIntegrity.addProof(unsigned, vectorKey().signer(), VERIFICATION_METHOD, CREATED);

        assertThat(secured.path("proof").path("proofValue").asText()).isEqualTo(PROOF_VALUE);
        assertThat(secured).isEqualTo(signed());
    }

    @Test
    void the_published_proof_verifies_with_the_published_key() {
        DataIntegrity.Proof proof = readProof(signed());

        assertThat(proof.algorithm()).isEqualTo(KeyAlgorithm.ED25519);
        assertThat(proof.verificationMethod()).isEqualTo(VERIFICATION_METHOD);
        assertThat(proof.verifiedBy(vectorVerifier())).isTrue();
    }

    @Test
    void the_published_proof_is_rejected_after_one_character_of_the_subject_changes() {
        ObjectNode tampered = signed();
        ((ObjectNode) tampered.get("credentialSubject")).put("alumniOf", "The School of Examplez");

        assertThat(readProof(tampered).verifiedBy(vectorVerifier())).isFalse();
    }

    @Test
    void the_published_proof_is_rejected_after_the_proof_creation_time_changes() {
        // The proof configuration is hashed too, so its metadata cannot be moved to another date.
        ObjectNode tampered = signed();
        ((ObjectNode) tampered.get("proof")).put("created", "2023-02-24T23:36:39Z");

        assertThat(readProof(tampered).verifiedBy(vectorVerifier())).isFalse();
    }

    @Test
    void the_published_proof_is_rejected_by_another_ed25519_key() {
        Verifier other = Keys.verifier(KeyAlgorithm.ED25519, Keys.generate(KeyAlgorithm.ED25519).publicKeySpki());

        assertThat(readProof(signed()).verifiedBy(other)).isFalse();
    }

    private static DataIntegrity.Proof readProof(ObjectNode secured) {
        DataIntegrity.Reading reading = DataIntegrity.read(secured);
        assertThat(reading.defect()).isEmpty();
        return reading.proof().orElseThrow();
    }

    private static ObjectNode signed() {
        try {
            return (ObjectNode) MAPPER.readTree(SIGNED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The vector's private key, loaded the way the service loads key files: from PKCS#8. */
    private static Keys.PrivateKey vectorKey() {
        byte[] seed = withoutCodec(PRIVATE_KEY_MULTIBASE, ED25519_PRIV_CODEC);
        try {
            byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(new Ed25519PrivateKeyParameters(seed)).getEncoded();
            return Keys.fromPkcs8(pkcs8, KeyAlgorithm.ED25519);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] vectorPublicKeySpki() {
        byte[] raw = withoutCodec(PUBLIC_KEY_MULTIBASE, ED25519_PUB_CODEC);
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(new Ed25519PublicKeyParameters(raw)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Verifier vectorVerifier() {
        return Keys.verifier(KeyAlgorithm.ED25519, vectorPublicKeySpki());
    }

    private static byte[] withoutCodec(String multibase, byte[] codec) {
        byte[] bytes = Encodings.multibaseStrict(multibase).orElseThrow();
        assertThat(Arrays.copyOf(bytes, codec.length)).as("multicodec prefix of %s", multibase).isEqualTo(codec);
        assertThat(bytes).hasSize(codec.length + 32);
        return Arrays.copyOfRange(bytes, codec.length, bytes.length);
    }
}
