package com.etitle.verification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The VCALM {@code VerifyCredentialOptions}. Every option only asks for more in the answer: none can make the
 * verification skip a check. An option not listed here is refused (400), as every unknown member is.
 */
@Schema(name = "VcApiVerifyCredentialOptions")
public record VcApiOptions(
        @Schema(description = "Also answer the credential as it was verified, in `credential`") Boolean returnCredential,
        @Schema(description = "Also answer the errors and warnings together in `problemDetails`") Boolean returnProblemDetails,
        @Schema(description = "Also answer `results.proof`: each proof of the credential and whether it verified") Boolean returnResults) {

    static final VcApiOptions NONE = new VcApiOptions(false, false, false);

    boolean credential() {
        return Boolean.TRUE.equals(returnCredential);
    }

    boolean problemDetails() {
        return Boolean.TRUE.equals(returnProblemDetails);
    }

    boolean results() {
        return Boolean.TRUE.equals(returnResults);
    }
}
