package com.etitle.crypto;

/** A key could not be read, parsed or generated: a configuration or storage fault, never a caller's. */
public class CryptoException extends RuntimeException {

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
