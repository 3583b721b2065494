package com.etitle.crypto;

/** Signs bytes with one private key. Implementations are thread-safe. */
public interface Signer {

    KeyAlgorithm algorithm();

    byte[] sign(byte[] message);
}
