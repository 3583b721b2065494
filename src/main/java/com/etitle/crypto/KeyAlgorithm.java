package com.etitle.crypto;

/**
 * The signature algorithms an issuing authority can be configured for. Each one fixes the JOSE
 * {@code alg} of the compact token and the Data Integrity cryptosuite of the credential, so a verifier
 * can never be talked into checking a signature with a different algorithm than the key was made for.
 */
public enum KeyAlgorithm {
    /** RFC 8032 Ed25519; JOSE alg per RFC 8037; W3C vc-di-eddsa {@code eddsa-jcs-2022}. */
    ED25519("EdDSA", "eddsa-jcs-2022"),
    /**
     * GM/T 0003 SM2 over sm2p256v1 with SM3 (GM/T 0004) and the GM/T 0009 default user id. JOSE has
     * no registered name for it, so the token uses the private-use name {@code SM2SM3}; the credential
     * uses our own {@code sm2sm3-jcs-2026} suite: eddsa-jcs-2022's steps with SM3 in place of SHA-256.
     */
    SM2("SM2SM3", "sm2sm3-jcs-2026");

    private final String jwsAlgorithm;
    private final String cryptosuite;

    KeyAlgorithm(String jwsAlgorithm, String cryptosuite) {
        this.jwsAlgorithm = jwsAlgorithm;
        this.cryptosuite = cryptosuite;
    }

    public String jwsAlgorithm() {
        return jwsAlgorithm;
    }

    public String cryptosuite() {
        return cryptosuite;
    }

    public static java.util.Optional<KeyAlgorithm> byJwsAlgorithm(String alg) {
        for (KeyAlgorithm a : values()) {
            if (a.jwsAlgorithm.equals(alg)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }

    public static java.util.Optional<KeyAlgorithm> byCryptosuite(String suite) {
        for (KeyAlgorithm a : values()) {
            if (a.cryptosuite.equals(suite)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }
}
