package com.etitle.face;

import jakarta.enterprise.context.ApplicationScoped;

/** TEMPORARY STUB until the face branch is merged. */
@ApplicationScoped
public class QrCodes {
    public byte[] png(String text) {
        return new byte[0];
    }

    public String dataUri(String text) {
        return "data:image/png;base64,";
    }
}
