package com.etitle.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 through BouncyCastle's lightweight API (about 20x faster here than the JDK's provider). */
final class Ed25519Signing implements Signer {

    private final Ed25519PrivateKeyParameters key;

    Ed25519Signing(Ed25519PrivateKeyParameters key) {
        this.key = key;
    }

    @Override
    public KeyAlgorithm algorithm() {
        return KeyAlgorithm.ED25519;
    }

    @Override
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    static final class Verifying implements Verifier {

        private final Ed25519PublicKeyParameters key;

        Verifying(Ed25519PublicKeyParameters key) {
            this.key = key;
        }

        @Override
        public KeyAlgorithm algorithm() {
            return KeyAlgorithm.ED25519;
        }

        @Override
        public boolean verify(byte[] message, byte[] signature) {
            if (signature == null || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
                return false;
            }
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, key);
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        }
    }
}
