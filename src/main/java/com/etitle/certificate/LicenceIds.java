package com.etitle.certificate;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.etitle.authority.Authority;

import io.quarkus.runtime.Startup;

/**
 * Makes the e-licence identifiers of new certificates ({@link LicenceId}) from the configured type code and the issuing
 * authority's credit code. The type code is checked at start, so a mistyped one stops the service before it reaches a
 * certificate; the authorities' credit codes are checked when they are registered.
 */
@Startup
@Singleton
public class LicenceIds {

    private static final Logger LOG = Logger.getLogger(LicenceIds.class);
    /**
     * The shipped type code: a made-up ministry code (registration 1 and category 1, a body of the State; division
     * 100000; organisation code 000000000, which no organisation has) and type 000. No type code for title
     * certificates is published yet; replace it with the real one when it is.
     */
    public static final String PLACEHOLDER_TYPE_CODE = "11100000000000000J000";

    private final String typeCode;

    LicenceIds(@ConfigProperty(name = "etitle.licence.type-code") String typeCode) {
        if (!LicenceId.validTypeCode(typeCode)) {
            throw new IllegalStateException("etitle.licence.type-code must be a unified social credit code (18 characters with its"
                    + " GB 32100 check character) and three digits; it is " + typeCode);
        }
        if (typeCode.equals(PLACEHOLDER_TYPE_CODE)) {
            LOG.warnf("etitle.licence.type-code is the placeholder %s: the e-licence identifiers of new certificates carry it",
                    typeCode);
        }
        this.typeCode = typeCode;
    }

    /** The identifier of a new certificate of this number, issued by this authority. */
    public LicenceId first(Authority authority, String number) {
        if (authority.creditCode == null) {
            throw new IllegalStateException("authority " + authority.code + " has no credit code (etitle.authorities."
                    + authority.code + ".credit-code)");
        }
        return LicenceId.first(typeCode, authority.creditCode, number);
    }

    public String typeCode() {
        return typeCode;
    }
}
