package com.etitle.crypto;

/** Checks signatures against one public key. Never throws for a malformed signature: it is simply not valid. */
public interface Verifier {

    KeyAlgorithm algorithm();

    boolean verify(byte[] message, byte[] signature);
}
