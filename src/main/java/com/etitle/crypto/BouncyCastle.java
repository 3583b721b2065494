package com.etitle.crypto;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one BouncyCastle JCA provider of the process, registered once on first use. */
public final class BouncyCastle {

    public static final Provider PROVIDER;

    static {
        Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (existing == null) {
            existing = new BouncyCastleProvider();
            Security.addProvider(existing);
        }
        PROVIDER = existing;
    }

    private BouncyCastle() {
    }
}
