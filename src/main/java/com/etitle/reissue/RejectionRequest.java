package com.etitle.reissue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an application is refused; recorded and shown to the issuer. */
public record RejectionRequest(@Schema(minLength = 1, maxLength = 500) String reason) {
}
