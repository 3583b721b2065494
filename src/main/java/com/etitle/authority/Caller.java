package com.etitle.authority;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/** Who is calling: the verified token's subject and the authority it acts for. */
@RequestScoped
public class Caller {

    /** The JWT claim naming the issuing authority the caller acts for. */
    public static final String AUTHORITY_CLAIM = "authority";

    @Inject
    JsonWebToken token;

    public String subject() {
        String sub = token.getSubject();
        return sub == null ? "unknown" : sub;
    }

    /** The caller's authority; every authority-side read and write is scoped to it. */
    public Authority authority() {
        Object claim = token.getClaim(AUTHORITY_CLAIM);
        String code = claim == null ? null : claim.toString().replace("\"", "");
        if (code == null || code.isBlank()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "detail.token.no-authority", AUTHORITY_CLAIM);
        }
        return Authority.findByCode(code)
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "detail.token.unknown-authority"));
    }

    /** Actor string written to the audit log. */
    public String actor() {
        Object claim = token.getClaim(AUTHORITY_CLAIM);
        return subject() + (claim == null ? "" : "@" + claim.toString().replace("\"", ""));
    }
}
