package com.etitle.verification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of a verification; only VALID means the certificate may be relied upon. */
@Schema(name = "VerificationOutcome")
public enum Outcome {
    VALID,
    /** The signed bytes were altered, or the signature is not of this key. */
    BAD_SIGNATURE,
    /** The key id is not one the service publishes. */
    UNKNOWN_KEY,
    /** The key was marked compromised: nothing it signed is trusted any more. */
    KEY_COMPROMISED,
    /** The issuer named is not a known authority, or not the owner of the signing key. */
    UNKNOWN_ISSUER,
    /** {@code alg: none}, or an algorithm or cryptosuite the service does not sign with. */
    UNSUPPORTED_ALGORITHM,
    /** The credential is not shaped as a secured credential (no proof, wrong proof type or purpose). */
    MALFORMED,
    /** Authentic, but the certificate is not valid now (suspended, revoked, voided) or unknown to the register. */
    CERTIFICATE_NOT_VALID,
    /** Number, name and code do not identify a certificate. Deliberately says nothing about which part failed. */
    NO_MATCH
}
