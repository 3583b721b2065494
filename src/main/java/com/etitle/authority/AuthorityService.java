package com.etitle.authority;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.etitle.audit.AuditLog;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.crypto.KeyAlgorithm;

/** Registers authorities and answers the public questions about them and their keys. */
@ApplicationScoped
public class AuthorityService {

    /** Arbitrary constant naming "declaring authorities" among advisory locks. */
    private static final long DECLARE_LOCK = 0x6465636c617265L;

    private final EntityManager em;
    private final Clock clock;
    private final AuditLog audit;
    private final KeyRing keyRing;
    private final PublicIds ids;

    AuthorityService(EntityManager em, Clock clock, AuditLog audit, KeyRing keyRing, PublicIds ids) {
        this.em = em;
        this.clock = clock;
        this.audit = audit;
        this.keyRing = keyRing;
        this.ids = ids;
    }

    /**
     * Creates the authority or brings its name, region and credit code up to date; the algorithm of an authority never
     * changes. A credit code without its GB 32100 check character stops the start: it would go into every identifier.
     */
    @Transactional
    public Authority ensure(String code, String name, String region, KeyAlgorithm algorithm, String creditCode) {
        if (!CreditCodes.valid(creditCode)) {
            throw new IllegalStateException("etitle.authorities." + code + ".credit-code is not a unified social credit code"
                    + " (18 characters of 0-9 and A-Y without I, O, S, V and Z, the last the GB 32100 check character): " + creditCode);
        }
        // Replicas starting together on a new database would each find no row, and all but one would fail to start on the
        // unique code (ThreeReplicasIT saw it). Held to commit, this lock makes each later one find the row written first.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, DECLARE_LOCK).getSingleResult();
        Authority authority = Authority.findByCode(code).orElse(null);
        if (authority == null) {
            authority = new Authority();
            authority.code = code;
            authority.name = name;
            authority.region = region;
            authority.algorithm = algorithm;
            authority.creditCode = creditCode;
            authority.createdAt = clock.instant();
            authority.persist();
            audit.append("system", code, "authority.registered", code,
                    Map.of("name", name, "region", region, "algorithm", algorithm.name(), "creditCode", creditCode));
        } else if (authority.algorithm != algorithm) {
            throw new IllegalStateException("authority " + code + " signs with " + authority.algorithm + "; configured " + algorithm
                    + ". Changing the algorithm needs a new authority code.");
        } else if (!authority.name.equals(name) || !authority.region.equals(region) || !creditCode.equals(authority.creditCode)) {
            authority.name = name;
            authority.region = region;
            authority.creditCode = creditCode;
            audit.append("system", code, "authority.updated", code, Map.of("name", name, "region", region, "creditCode", creditCode));
        }
        return authority;
    }

    @Transactional
    public List<IssuerView> list() {
        return Authority.<Authority>list("order by code").stream().map(a -> IssuerView.of(a, SigningKey.listFor(a), ids)).toList();
    }

    @Transactional
    public IssuerView get(String code) {
        Authority authority = Authority.findByCode(code)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "detail.authority.unknown"));
        return IssuerView.of(authority, SigningKey.listFor(authority), ids);
    }

    /** The DID document of an authority's did:web DID. */
    @Transactional
    public DidDocument didDocument(String code) {
        Authority authority = Authority.findByCode(code)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "detail.authority.unknown"));
        return DidDocument.of(authority, SigningKey.listFor(authority), ids);
    }

    /** Every key version that still verifies, of every authority: the JWKS. */
    @Transactional
    public List<Map<String, String>> verifiableJwks() {
        return SigningKey.<SigningKey>list("status = ?1 order by kid", SigningKey.Status.ACTIVE).stream()
                .map(IssuerView::jwkWithKid)
                .toList();
    }

    @Transactional
    public IssuerView.KeyView rotate(Authority authority, String actor) {
        return IssuerView.KeyView.of(keyRing.rotate(authority, actor));
    }

    @Transactional
    public IssuerView.KeyView compromise(Authority authority, String kid, String actor) {
        SigningKey key = SigningKey.findByKid(kid)
                .filter(k -> k.authority.id.equals(authority.id))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "detail.key.unknown", kid));
        return IssuerView.KeyView.of(keyRing.compromise(key, actor));
    }
}
