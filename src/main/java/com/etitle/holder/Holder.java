package com.etitle.holder;

import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.etitle.certificate.Certificate;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/**
 * The calling holder, known only by the hash of their ID number that their identity provider put in the
 * token. Every holder read and write goes through {@link #certificate(String)}: a number the holder does not
 * hold answers exactly like an unknown one.
 */
@RequestScoped
public class Holder {

    /**
     * The JWT claim identifying a holder: the SHA-256 (lower-case hex) of their resident ID number with its
     * check character upper-cased. The identity provider, which has verified the person, computes it; the ID
     * number itself is never in a token.
     */
    public static final String ID_NUMBER_CLAIM = "id_number_sha256";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    @Inject
    JsonWebToken token;

    /** The SHA-256 of the holder's ID number, as certificates store it. */
    public String idNumberHash() {
        Object claim = token.getClaim(ID_NUMBER_CLAIM);
        String hash = claim == null ? null : claim.toString().replace("\"", "");
        if (hash == null || !SHA256_HEX.matcher(hash).matches()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "detail.token.no-holder", ID_NUMBER_CLAIM);
        }
        return hash;
    }

    /** The caller's certificate of this number, else 404 as for a number that does not exist. */
    public Certificate certificate(String number) {
        return Certificate.heldBy(idNumberHash(), number);
    }
}
