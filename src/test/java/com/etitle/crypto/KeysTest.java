package com.etitle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The PEM written to the key folder is what the service signs with after a restart. */
class KeysTest {

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void a_key_file_reads_back_as_the_same_key(KeyAlgorithm algorithm) {
        Keys.PrivateKey key = Keys.generate(algorithm);

        Keys.PrivateKey reloaded = Keys.fromPem(key.toPem(), algorithm);

        assertThat(reloaded.publicKeySpki()).isEqualTo(key.publicKeySpki());
        byte[] message = {1, 2, 3};
        assertThat(Keys.verifier(algorithm, key.publicKeySpki()).verify(message, reloaded.signer().sign(message))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void a_key_file_of_the_other_algorithm_is_refused(KeyAlgorithm algorithm) {
        // An authority configured for SM2 must not quietly start signing with an Ed25519 file, or the reverse.
        KeyAlgorithm other = algorithm == KeyAlgorithm.ED25519 ? KeyAlgorithm.SM2 : KeyAlgorithm.ED25519;
        String pem = Keys.generate(other).toPem();

        assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> Keys.fromPem(pem, algorithm));
    }
}
