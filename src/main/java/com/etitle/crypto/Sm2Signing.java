package com.etitle.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * SM2 with SM3 (GM/T 0003, GM/T 0004) and the GM/T 0009 default user id {@code 1234567812345678}.
 * Signatures are the fixed 64-byte r||s form, as JOSE does for ECDSA. BouncyCastle re-derives the
 * public point and the Z value on every init, so each thread keeps one initialised signer; after a
 * signature the signer resets itself to the post-init state.
 */
final class Sm2Signing implements Signer {

    static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ThreadLocal<SM2Signer> signers;

    Sm2Signing(ECPrivateKeyParameters key) {
        this.signers = ThreadLocal.withInitial(() -> {
            SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
            // SM2Signer unwraps ParametersWithID first and only then ParametersWithRandom: the id must be outermost
            signer.init(true, new ParametersWithID(new ParametersWithRandom(key, RANDOM), DEFAULT_USER_ID));
            return signer;
        });
    }

    @Override
    public KeyAlgorithm algorithm() {
        return KeyAlgorithm.SM2;
    }

    @Override
    public byte[] sign(byte[] message) {
        SM2Signer signer = signers.get();
        try {
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException e) {
            signer.reset();
            throw new CryptoException("SM2 signing failed", e);
        }
    }

    static final class Verifying implements Verifier {

        private final ECPublicKeyParameters key;

        Verifying(ECPublicKeyParameters key) {
            this.key = key;
        }

        @Override
        public KeyAlgorithm algorithm() {
            return KeyAlgorithm.SM2;
        }

        @Override
        public boolean verify(byte[] message, byte[] signature) {
            if (signature == null || signature.length != 64) {
                return false;
            }
            try {
                SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
                verifier.init(false, new ParametersWithID(key, DEFAULT_USER_ID));
                verifier.update(message, 0, message.length);
                return verifier.verifySignature(signature);
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
