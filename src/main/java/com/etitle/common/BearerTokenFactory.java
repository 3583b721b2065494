package com.etitle.common;

import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Every bearer token is parsed here: SmallRye JWT checks signature, issuer, audience, expiry and not-before,
 * but takes any {@code iat}, so a token claiming to be issued in the future (a mis-set or forged clock at the
 * identity provider) would pass. Beyond the configured skew ({@code mp.jwt.verify.clock.skew}) it is refused
 * like any invalid token: 401. Checked against the real time, as SmallRye checks {@code exp}.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class BearerTokenFactory extends DefaultJWTCallerPrincipalFactory {

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JWTCallerPrincipal principal = super.parse(token, context);
        long latest = Instant.now().getEpochSecond() + Math.max(0, context.getClockSkew());
        if (principal.getIssuedAtTime() > latest) {
            throw new ParseException("The token's iat is in the future");
        }
        return principal;
    }
}
